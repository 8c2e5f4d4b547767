package org.formhaus.passwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static Optional<PasswordProblem> problem(String password) {
        return PasswordRules.STANDARD.problem(password, "anna.berg@agentur.example");
    }

    @Test
    void twelveCharactersAreTheMinimumCountedAsAPersonCountsThem() {
        assertEquals(Optional.of(PasswordProblem.TOO_SHORT), problem("elevenchars"));
        assertEquals(Optional.empty(), problem("twelve chars"));
        assertEquals(Optional.of(PasswordProblem.TOO_SHORT), problem("😀😀😀😀😀😀😀😀😀😀😀"), "11 emoji are 22 chars in Java");
        assertEquals(Optional.empty(), problem("😀😀😀😀😀😀😀😀😀😀😀😀"));
        assertEquals(Optional.of(PasswordProblem.TOO_LONG), problem("x".repeat(PasswordRules.MAX_LENGTH + 1)));
        assertEquals(Optional.empty(), problem("a long passphrase ".repeat(4)), "64 characters and more are fine");
        assertEquals(Optional.empty(), problem("x".repeat(PasswordRules.MAX_LENGTH)));
    }

    @Test
    void theTenThousandMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertEquals(Optional.of(PasswordProblem.COMMON), problem("password1234"));
        assertEquals(Optional.of(PasswordProblem.COMMON), problem("QWERTYUIOP12"));
        assertEquals(Optional.of(PasswordProblem.COMMON), problem("123456789012"));
        assertEquals(Optional.empty(), problem("Kaffeetasse am Fenster"));
        assertEquals(10_000, CommonPasswords.load().size());
    }

    @Test
    void theEmailAddressItsNamePartAndTheServicesNamesAreRefused() {
        assertEquals(Optional.of(PasswordProblem.CONTEXT_WORD), problem("Anna.Berg@agentur.example"));
        assertEquals(Optional.of(PasswordProblem.CONTEXT_WORD),
                PasswordRules.STANDARD.problem("johannes.schmidt", "johannes.schmidt@agentur.example"));
        assertTrue(PasswordRules.STANDARD.problem("johannes.schmidt.2", "johannes.schmidt@agentur.example").isEmpty());
        assertEquals(Optional.of(PasswordProblem.CONTEXT_WORD), problem("MyFormhaus2025!"));
        assertEquals(Optional.of(PasswordProblem.CONTEXT_WORD), problem("onoffice-admin-1"));
    }

    @Test
    void messagesSayWhatToDo() {
        assertEquals("must have at least 12 characters", PasswordProblem.TOO_SHORT.message());
        assertTrue(PasswordProblem.COMMON.message().contains("most common"));
    }
}
