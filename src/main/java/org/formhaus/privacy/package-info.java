/**
 * Personal data in submissions: the keyed search terms a submission can be found by ({@link TermHashes},
 * {@link SubmissionTerms}), privacy mode (erasing a form's submissions once delivered) and data-subject requests
 * (finding, exporting and erasing every submission of an e-mail address, logged without the address).
 */
package org.formhaus.privacy;
