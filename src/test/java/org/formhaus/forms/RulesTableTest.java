package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared rules table through the server's evaluator; form.js runs the same table in Chromium. */
class RulesTableTest {

    static List<RulesTable.Case> cases() throws Exception {
        List<RulesTable.Case> cases = RulesTable.cases();
        assertTrue(cases.size() >= 30, "the table holds the cases");
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theServerEvaluatesEachCaseAsTheTableSays(RulesTable.Case c) {
        LogicState state = c.definition().logic().evaluate(c.input(), c.language());
        assertEquals(c.expected(), RulesTable.canonical(state), c.name());
    }
}
