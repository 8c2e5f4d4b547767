/**
 * onOffice Marketplace activation: the iFrame page onOffice opens (signature checked with the provider secret), the
 * unlock call, and the account the activation creates or updates.
 */
package org.formhaus.marketplace;
