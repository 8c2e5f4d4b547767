/** Durable delivery: workers take due jobs from the outbox, run the mapped onOffice steps and record every attempt. */
package org.formhaus.delivery;
