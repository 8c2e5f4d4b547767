/**
 * Admin passwords: how they are hashed (Argon2id, with older hashes replaced at the next sign-in) and what a new one
 * must be (length and the list of common passwords). Knows no HTTP and no database.
 */
package org.formhaus.passwords;
