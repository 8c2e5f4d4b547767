/**
 * Viewing slots: the free times a viewing form offers from the responsible agent's onOffice calendar, and the claim
 * that gives each slot to one visitor only.
 */
package org.formhaus.viewings;
