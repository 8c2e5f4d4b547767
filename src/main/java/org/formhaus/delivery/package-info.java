/**
 * Durable delivery: workers take due jobs from the outbox (a submission's delivery, a newsletter subscriber's
 * confirmation), run their onOffice steps and record every attempt.
 */
package org.formhaus.delivery;
