package org.formhaus.onoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestSignerTest {

    @Test
    void signsTheEstateReadTestVectorFromTheApiReference() {
        assertEquals("HsEMWGG0Ar+t4WGoyOoDRd45pc0chEUNm6n7Plax1sA=",
                RequestSigner.sign("s3cr3t", 1700000000L, "abc123", "estate", ActionKind.READ.urn()));
    }

    @Test
    void signsTheAddressCreateTestVectorFromTheApiReference() {
        assertEquals("nexpKVfRQqUzGxtbm2vy7YzJwg56GI6LBpK7U/6I5wA=",
                RequestSigner.sign("s3cr3t", 1700000000L, "abc123", "address", ActionKind.CREATE.urn()));
    }

    @Test
    void signatureChangesWithTheTimestamp() {
        assertNotEquals(RequestSigner.sign("s3cr3t", 1700000000L, "abc123", "estate", ActionKind.READ.urn()),
                RequestSigner.sign("s3cr3t", 1700000001L, "abc123", "estate", ActionKind.READ.urn()));
    }
}
