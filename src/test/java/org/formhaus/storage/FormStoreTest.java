package org.formhaus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.testing.H2Database;
import org.formhaus.testing.TestForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Versioned form definitions on H2 in MariaDB mode. */
class FormStoreTest {

    @RegisterExtension
    static final H2Database h2 = new H2Database();

    private final FormStore forms = new FormStore(h2.db(), Duration.ofMinutes(5));

    static FormDefinition definition(String json) throws Exception {
        return new DefinitionParser().parse(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void everySaveAddsAVersionAndTheLatestIsCurrent() throws Exception {
        long account = h2.account("Versions").id();
        assertEquals(1, forms.save(account, definition(TestForms.emailOnly("versions", "One"))).version());
        assertEquals(2, forms.save(account, definition(TestForms.emailOnly("versions", "Two"))).version());

        StoredForm current = forms.current("versions").orElseThrow();
        assertEquals(2, current.version());
        assertEquals("Two", current.definition().title());
        assertEquals("One", forms.version("versions", 1).orElseThrow().definition().title());
    }

    @Test
    void aKeyBelongsToTheAccountThatSavedItFirst() throws Exception {
        long owner = h2.account("Owner").id();
        long other = h2.account("Other").id();
        forms.save(owner, definition(TestForms.emailOnly("taken", "Mine")));

        assertThrows(FormKeyTakenException.class,
                () -> forms.save(other, definition(TestForms.emailOnly("taken", "Theirs"))));
        assertEquals(owner, forms.current("taken").orElseThrow().accountId());
        assertEquals(List.of(), forms.list(other));
    }

    @Test
    void aDeletedFormIsNoLongerServedButItsVersionsStayForItsSubmissions() throws Exception {
        long account = h2.account("Deleting").id();
        forms.save(account, definition(TestForms.emailOnly("gone", "Gone")));

        assertTrue(forms.delete(account, "gone"));
        assertTrue(forms.current("gone").isEmpty());
        assertEquals("Gone", forms.version("gone", 1).orElseThrow().definition().title());
        assertFalse(forms.delete(account, "gone"), "deleting twice finds nothing");
    }

    @Test
    void anotherInstanceSeesASaveOnceItsCacheTimeIsOver() throws Exception {
        long account = h2.account("Instances").id();
        FormStore otherInstance = new FormStore(h2.db(), Duration.ZERO);
        forms.save(account, definition(TestForms.emailOnly("shared", "First")));
        assertEquals("First", otherInstance.current("shared").orElseThrow().definition().title());

        otherInstance.save(account, definition(TestForms.emailOnly("shared", "Second")));
        assertEquals("First", forms.current("shared").orElseThrow().definition().title(), "still cached here");
        assertEquals("Second", new FormStore(h2.db(), Duration.ZERO).current("shared").orElseThrow()
                .definition().title());
    }

    @Test
    void anAccountListsItsLiveFormsByKey() throws Exception {
        long account = h2.account("Listing").id();
        forms.save(account, definition(TestForms.emailOnly("list-b", "B")));
        forms.save(account, definition(TestForms.emailOnly("list-a", "A")));
        forms.save(account, definition(TestForms.emailOnly("list-c", "C")));
        forms.delete(account, "list-c");

        assertEquals(List.of("list-a", "list-b"), forms.list(account).stream().map(f -> f.definition().key()).toList());
    }
}
