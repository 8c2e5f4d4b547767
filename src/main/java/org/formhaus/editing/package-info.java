/**
 * Edit links (issue 12): opaque, expiring, revocable links, sent in e-mails, that open an existing onOffice record
 * (address, search criteria, appointment, estate) in a form whose submission modifies it; only a hash of each token is
 * stored. The onOffice side (read once, modify by id) is {@code mapping.RecordEdits}.
 */
package org.formhaus.editing;
