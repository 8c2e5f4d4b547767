package org.formhaus.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signature check against the vector of onoffice-api.md §7 (verified there with PHP's own functions). */
class ActivationSignatureTest {

    static final String BASE = "https://provider.example.com/activate";
    static final String QUERY = "apiClaim=CLAIM&apiToken=TOKEN&customerName=Muster+Immobilien&customerWebId=12345"
            + "&parameterCacheId=6802c44a-7ac0-4210-a3d4-e5581e3fa0b6&timestamp=1700000000&userId=17";
    static final String SIGNATURE = "727f0dc8917690f7313ffa3c41d6a2220d8797be9b5255146c3f13d7ca840646";

    @Test
    void documentedVectorGivesTheDocumentedSignature() {
        assertEquals(SIGNATURE, ActivationSignature.expected(BASE, QUERY, "providersecret"));
    }

    @Test
    void percentTwentyIsSignedAsPlusLikePhpUrlencode() {
        assertEquals(SIGNATURE, ActivationSignature.expected(BASE, QUERY.replace("+", "%20"), "providersecret"));
    }

    @Test
    void parameterOrderAndTheSignatureItselfDoNotMatter() {
        String shuffled = "userId=17&signature=" + SIGNATURE + "&timestamp=1700000000&apiToken=TOKEN&apiClaim=CLAIM"
                + "&customerWebId=12345&customerName=Muster%20Immobilien"
                + "&parameterCacheId=6802c44a-7ac0-4210-a3d4-e5581e3fa0b6";
        assertTrue(ActivationSignature.matches(BASE, shuffled, "providersecret"));
    }

    @Test
    void aChangedValueAWrongSecretOrAMissingSignatureFail() {
        String signed = QUERY + "&signature=" + SIGNATURE;
        assertTrue(ActivationSignature.matches(BASE, signed, "providersecret"));
        assertFalse(ActivationSignature.matches(BASE, signed.replace("userId=17", "userId=18"), "providersecret"));
        assertFalse(ActivationSignature.matches(BASE, signed, "othersecret"));
        assertFalse(ActivationSignature.matches(BASE + "x", signed, "providersecret"));
        assertFalse(ActivationSignature.matches(BASE, QUERY, "providersecret"));
        assertFalse(ActivationSignature.matches(BASE, signed, ""));
    }

    @Test
    void repeatedNameKeepsTheLastValueAsPhpParseStrDoes() {
        assertEquals(SIGNATURE, ActivationSignature.expected(BASE, "userId=99&" + QUERY, "providersecret"));
    }

    @Test
    void phpUrlencodeRulesForSpecialCharacters() {
        assertEquals("a%2Ab%7Ec+d-_.%C3%A4%2F", ActivationSignature.phpUrlEncode("a*b~c d-_.ä/"));
    }
}
