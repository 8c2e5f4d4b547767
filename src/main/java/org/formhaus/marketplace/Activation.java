package org.formhaus.marketplace;

/**
 * What onOffice's signed activation URL says: the marketplace API user's token, the claim of the calling user, the
 * parameter cache of this activation, and who the customer and user are. A customer is identified by
 * {@code customerWebId}; a user of it by {@code userId}. The claim is sensitive: {@link #toString()} hides it.
 */
record Activation(String apiToken, String apiClaim, String parameterCacheId, String customerWebId,
                  String customerName, String userId) {

    @Override
    public String toString() {
        return "Activation[customerWebId=" + customerWebId + ", userId=" + userId + ", customerName=" + customerName + "]";
    }
}
