/**
 * onOffice Marketplace: the activation iFrame onOffice opens (signature checked with the provider secret), the unlock
 * call and the account it creates or updates, and the signed service calls with which a user opens Formhaus from
 * inside onOffice (claim recorded, signed in to the customer's account or asked to create or link a login).
 */
package org.formhaus.marketplace;
