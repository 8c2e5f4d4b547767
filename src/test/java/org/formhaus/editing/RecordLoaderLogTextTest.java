package org.formhaus.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeException;
import org.junit.jupiter.api.Test;

/**
 * Why an edit link's record could not be loaded ends in the server log, so it names onOffice's reason or error code,
 * never onOffice's own text (which may quote the record's values).
 */
class RecordLoaderLogTextTest {

    private static final String QUOTED = "Wert 'erika.musterfrau@example.org' ungueltig";

    private static FormDefinition form() throws Exception {
        return new DefinitionParser().parse(JsonParser.parseString("""
                { "key": "k", "kind": "contact", "title": "T", "edit": {"module": "address"},
                  "fields": [{"name": "plz", "type": "text", "label": "PLZ", "maps": "address.Plz"}] }""")
                .getAsJsonObject());
    }

    @Test
    void aRefusedReadNamesTheErrorCodeNotOnOfficesText() throws Exception {
        RecordLoader loader = new RecordLoader(account -> actions -> List.of(new ActionResult("", "read", "address",
                "", 137, QUOTED, List.of(), new JsonObject(), null)));
        var e = assertThrows(RecordLoader.UnavailableException.class, () -> loader.load(form(), 1, "address", "7"));
        assertEquals("onOffice refused the read of the address: error 137", e.getMessage());
    }

    @Test
    void aFailedRequestNamesTheReasonNotOnOfficesText() throws Exception {
        RecordLoader loader = new RecordLoader(account -> actions -> {
            throw new OnOfficeException(OnOfficeException.Reason.INVALID_REQUEST, 500, QUOTED, QUOTED, null);
        });
        var e = assertThrows(RecordLoader.UnavailableException.class, () -> loader.load(form(), 1, "address", "7"));
        assertFalse(e.getMessage().contains("erika"), e.getMessage());
        assertEquals("onOffice did not answer the read of the address: INVALID_REQUEST", e.getMessage());
    }
}
