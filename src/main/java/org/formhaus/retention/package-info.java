/** GDPR retention: erases the personal data of old submissions while their delivery record stays. */
package org.formhaus.retention;
