package org.formhaus.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.junit.jupiter.api.Test;

class MailTemplateCheckTest {

    private final MailTemplateCheck check = new MailTemplateCheck();

    private List<Problem> problems(String emails) throws Exception {
        return check.problems(FormMailPlannerTest.form("de", emails).definition());
    }

    @Test
    void templatesUsingTheFormsFieldsPass() throws Exception {
        assertEquals(List.of(), problems("""
                {"confirmation": {"subject": "Danke ${values.vorname}", "body": "<p>${values.text}</p>"},
                 "notice": {"to": ["team@agentur.example"]}}"""));
    }

    @Test
    void aTemplateThatDoesNotParseIsNamedByItsPlace() throws Exception {
        List<Problem> problems = problems("{\"confirmation\": {\"body\": \"<#if values.vorname>oops\"}}");
        assertEquals(1, problems.size());
        assertEquals("emails.confirmation.body", problems.get(0).place());
        assertTrue(problems.get(0).message().startsWith("does not parse"), problems.get(0).message());
    }

    @Test
    void aPlaceholderForAFieldTheFormDoesNotHaveIsRefused() throws Exception {
        List<Problem> problems = problems("{\"notice\": {\"to\": [\"t@agentur.example\"], \"subject\": \"${values.telefon}\"}}");
        assertEquals("emails.notice.subject", problems.get(0).place());
        assertTrue(problems.get(0).message().contains("values.telefon"), problems.get(0).message());
    }

    @Test
    void aNoticeWithoutRecipientsAndABadSenderAreRefused() throws Exception {
        List<Problem> problems = problems("{\"from\": \"not-an-address\", \"notice\": {\"enabled\": true}}");
        assertEquals(List.of("emails.from", "emails.notice.to"), problems.stream().map(Problem::place).toList());
    }

    @Test
    void templatesCannotInstantiateClasses() throws Exception {
        List<Problem> problems = problems("{\"confirmation\": {\"body\": "
                + "\"${'freemarker.template.utility.Execute'?new()('id')}\"}}");
        assertEquals("emails.confirmation.body", problems.get(0).place());
    }
}
