package org.formhaus.onoffice;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.formhaus.onoffice.OnOfficeException.Reason;

/**
 * onOffice's error codes as the reference lists them (onoffice-api.md §4.1: the numbers and exact messages of a
 * third-party client's complete list, confirmed by onOffice's own plugin for 13, 22, 40-49 and 137): code, message,
 * the {@link Reason} the client gives it (which decides retry or permanent failure) and what it means for a form
 * product. The client classifies by this table first and reads the message only for codes it does not list.
 * Immutable; one static table.
 */
public final class OnOfficeErrors {

    /** One documented code. {@code permanent()} is the opposite of {@link #retryable()}. */
    public record Entry(int code, String message, Reason reason, String meaning) {

        public boolean retryable() {
            return reason.retryable();
        }

        public boolean permanent() {
            return !reason.retryable();
        }
    }

    private static final Map<Integer, Entry> TABLE = new LinkedHashMap<>();

    static {
        // top level / structure
        e(97, "Error in action", Reason.ACTION_FAILED, "top level: the real cause is in the result's status");
        e(4, "Invalid or malformed JSON", Reason.INVALID_REQUEST, "broken body");
        e(6, "Syntax error", Reason.INVALID_REQUEST, "broken body");
        e(9, "Empty request", Reason.INVALID_REQUEST, "broken body");
        e(13, "Missing or invalid element: token", Reason.NOT_AUTHENTICATED, "no token sent");
        e(14, "Missing or invalid element: request", Reason.INVALID_REQUEST, "envelope shape");
        e(15, "Missing or invalid element: actions", Reason.INVALID_REQUEST, "envelope shape");
        e(247, "Missing or invalid element: action", Reason.INVALID_REQUEST, "envelope shape");
        e(16, "Missing or invalid attribute: actionid", Reason.INVALID_REQUEST, "action key missing");
        e(18, "Missing or invalid attribute: resourceid", Reason.INVALID_REQUEST, "action key missing");
        e(19, "Missing or invalid attribute: resourcetype", Reason.INVALID_REQUEST, "action key missing");
        e(20, "Missing or invalid element: parameters", Reason.INVALID_REQUEST, "parameters missing");
        e(23, "Missing configuration for actionId \"%s\"", Reason.INVALID_REQUEST, "unknown actionid");
        e(25, "Missing configuration for resourceType \"%s\"", Reason.INVALID_REQUEST, "unknown resourcetype");
        e(279, "Unknown resourceId", Reason.INVALID_REQUEST, "bad resourceid for a get");
        // authentication, signature, time
        e(22, "Not authenticated", Reason.NOT_AUTHENTICATED, "bad token or user authentication");
        e(40, "Invalid user credentials", Reason.NOT_AUTHENTICATED, "credentials refused");
        e(41, "Customer unknown!", Reason.CUSTOMER_UNKNOWN, "the customer (account) is unknown");
        e(42, "Customer is not active!", Reason.CUSTOMER_UNKNOWN, "the customer (account) is not active");
        e(43, "User unknown!", Reason.NOT_AUTHENTICATED, "the API user is unknown");
        e(49, "Secret is wrong!", Reason.HMAC_INVALID, "the secret does not belong to the token");
        e(136, "Your timestamp is too old or your server time is wrong.", Reason.TIMESTAMP_INVALID,
                "timestamp more than 120 s off onOffice's clock (apidoc: \"timestamp invalid\")");
        e(137, "The HMAC is invalid.", Reason.HMAC_INVALID, "bad signature: wrong secret or signing");
        e(243, "The HMAC is invalid. \"%s\" should be passed as string", Reason.HMAC_INVALID,
                "a value typed as number where the signer expects a string");
        e(158, "Access from this IP not allowed", Reason.ACTION_FAILED,
                "IP restriction of the customer, not a right of the API user");
        // rights
        e(131, "Address creation without proper user rights", Reason.MISSING_RIGHT, "create address without \"Write addresses\"");
        e(174, "Missing permission to perform modify call", Reason.MISSING_RIGHT, "modify without the module's write right");
        e(261, "Missing write right for address(es) with id(s) %s", Reason.MISSING_RIGHT, "write touching an address");
        e(262, "Missing write right for estate(s) with id(s) %s", Reason.MISSING_RIGHT, "write touching an estate");
        e(149, "No read permission for this estate", Reason.MISSING_RIGHT, "estate-bound call on an unreadable estate");
        e(170, "No read permission for this user", Reason.MISSING_RIGHT, "user read without \"Read user data via API\"");
        e(156, "Access violation", Reason.MISSING_RIGHT, "generic refusal");
        e(183, "User access not granted", Reason.MISSING_RIGHT, "user-level access refused");
        e(191, "No read access to email template", Reason.MISSING_RIGHT, "sendmail with templateid without \"Email templates\"");
        e(245, "No read access to pdf form", Reason.MISSING_RIGHT, "pdfformids without \"PDF forms\"");
        e(246, "No read access to pdf letter", Reason.MISSING_RIGHT, "pdfletterids without \"Letter templates (Word, PDF)\"");
        e(253, "No access to %s", Reason.MISSING_RIGHT, "generic access refusal");
        e(240, "Call for Marketplace Api-Users not allowed", Reason.MISSING_RIGHT, "call not open to marketplace API users");
        String unknownTail = " Record may not exist or the permission rights are not set accordingly for this action.";
        // "missing OR not visible": not a right the check can name, and retrying does not help
        e(80, "Unknown record." + unknownTail, Reason.ACTION_FAILED, "by-id access to a missing or invisible record");
        e(292, "Unknown address record id." + unknownTail, Reason.ACTION_FAILED, "address id missing or invisible");
        e(293, "Unknown estate record id." + unknownTail, Reason.ACTION_FAILED, "estate id missing or invisible");
        // records, fields, values
        e(75, "Unknown field: \"%s\"", Reason.INVALID_REQUEST, "field name not active or misspelt");
        e(141, "Unknown field: %s", Reason.INVALID_REQUEST, "field name not active or misspelt");
        e(145, "Unknown field: %s", Reason.INVALID_REQUEST, "field name not active or misspelt");
        e(143, "Unknown field in estate data: %s", Reason.INVALID_REQUEST, "estate create/modify");
        e(138, "Unknown field in task data", Reason.INVALID_REQUEST, "task create/modify (not a timestamp error)");
        e(154, "Unknown calendar field", Reason.INVALID_REQUEST, "calendar create/modify");
        e(144, "Invalid field in input data: \"%s\"", Reason.INVALID_REQUEST, "invalid field");
        e(76, "Invalid multiselect key: %s", Reason.INVALID_REQUEST, "label instead of key, or not permitted");
        e(77, "Invalid singleselect key: %s", Reason.INVALID_REQUEST, "label instead of key, or not permitted");
        e(252, "Unknown value in select field \"%s\"", Reason.INVALID_REQUEST, "value not permitted");
        e(171, "No singleselect- or multiselect field", Reason.INVALID_REQUEST, "not a select field");
        e(254, "Missing mandatory field \"%s\"", Reason.INVALID_REQUEST, "customer-configured mandatory field not sent");
        e(255, "Invalid value for parameter \"%s\"", Reason.INVALID_REQUEST, "bad parameter value");
        e(294, "Invalid data type for parameter %s", Reason.INVALID_REQUEST, "bad parameter type");
        e(270, "Wrong parameter type for %s", Reason.INVALID_REQUEST, "bad parameter type");
        e(227, "Given element or parameter was expected to be a string: %s", Reason.INVALID_REQUEST, "type");
        e(228, "Given element or parameter was expected to be an integer: %s", Reason.INVALID_REQUEST, "type");
        e(229, "Given element or parameter was expected to be an float: %s", Reason.INVALID_REQUEST, "type");
        e(74, "Given element or parameter was expected to be an array", Reason.INVALID_REQUEST, "type");
        e(187, "Given element or parameter was not expected to be an array", Reason.INVALID_REQUEST, "type");
        e(78, "Entry could not be created", Reason.ACTION_FAILED, "create failed");
        e(88, "Entry could not be modified", Reason.ACTION_FAILED, "modify failed");
        e(168, "Entry could not be deleted", Reason.ACTION_FAILED, "delete failed");
        e(79, "Missing record id", Reason.INVALID_REQUEST, "modify/delete without resourceid");
        e(96, "Missing address record id", Reason.INVALID_REQUEST, "address id missing");
        e(110, "Missing estate record id", Reason.INVALID_REQUEST, "estate id missing");
        e(235, "Unknown record id %s", Reason.ACTION_FAILED, "record id unknown");
        e(95, "Unknown search criteria", Reason.ACTION_FAILED, "search-criteria id unknown");
        e(185, "Missing or invalid record ids", Reason.INVALID_REQUEST, "record ids");
        e(302, "This action support only up to 500 Ids", Reason.INVALID_REQUEST, "more than 500 ids in one list");
        e(251, "Unknown user %s", Reason.INVALID_REQUEST, "user name or id unknown (id where a name is expected?)");
        e(286, "User %s is not active", Reason.INVALID_REQUEST, "user inactive");
        e(184, "User id is not existing or inactive", Reason.INVALID_REQUEST, "user id unknown or inactive");
        e(258, "The default entry for %s must be passed also as normal, private or business entry!",
                Reason.INVALID_REQUEST, "default_email/default_fax not equal to a sent value");
        e(260, "The default entry for phone must be passed also as normal, private, business or mobile entry!",
                Reason.INVALID_REQUEST, "default_phone not equal to a sent number");
        // relations
        e(132, "No or unknown relation given", Reason.INVALID_REQUEST, "bad relationtype");
        e(219, "n:n relations are not allowed", Reason.INVALID_REQUEST, "several parents and several children");
        e(173, "Could not create relation between address and estate", Reason.ACTION_FAILED, "relation create failed");
        e(179, "Could not create relation cause of invalid relationinfos", Reason.INVALID_REQUEST, "bad relationinfo");
        // agents log
        e(98, "Missing relation to address and/or estate record", Reason.INVALID_REQUEST, "no addressids nor estateid");
        e(99, "Address record ids not in array", Reason.INVALID_REQUEST, "addressids not an array");
        e(100, "Unknown kind of action \"%s\"", Reason.INVALID_REQUEST, "actionkind not a German key");
        e(101, "Unknown type of action \"%s\"", Reason.INVALID_REQUEST, "actiontype not a German key");
        // appointments
        e(91, "Start date missing", Reason.INVALID_REQUEST, "appointment");
        e(92, "End date missing", Reason.INVALID_REQUEST, "appointment");
        e(93, "Start date is greater than end date", Reason.INVALID_REQUEST, "appointment");
        e(169, "Appointment not found", Reason.ACTION_FAILED, "appointment id unknown");
        // e-mail
        e(50, "Missing email identity", Reason.INVALID_REQUEST, "emailidentity absent");
        e(51, "Invalid email identity", Reason.ACTION_FAILED,
                "emailidentity is not a mailbox the API user is assigned to (Basic settings › Email)");
        e(52, "List of receivers is not an array", Reason.INVALID_REQUEST, "receiver");
        e(53, "Missing receivers", Reason.INVALID_REQUEST, "receiver");
        e(55, "Invalid receivers", Reason.INVALID_REQUEST, "receiver");
        e(146, "Invalid recipient", Reason.INVALID_REQUEST, "receiver");
        e(56, "Error during sending mail!", Reason.ACTION_FAILED, "delivery failed");
        e(211, "Email could not be sent!", Reason.ACTION_FAILED, "delivery failed");
        e(148, "No mails sent", Reason.ACTION_FAILED, "delivery failed");
        e(238, "the attachment is too big", Reason.INVALID_REQUEST, "attachment size");
        e(242, "Error while sending. The size of the attachment may have been exceeded.", Reason.INVALID_REQUEST,
                "attachment size");
        e(233, "missing email template", Reason.INVALID_REQUEST, "templateid unknown");
        e(152, "Unsupported address completion mode", Reason.INVALID_REQUEST, "mode not modus1/modus2");
        // upload / files
        e(129, "Fileupload is missing temporary upload file", Reason.EXPIRED,
                "tmpUploadId unknown, expired or used: upload the bytes again");
        e(127, "File not found", Reason.ACTION_FAILED, "file unknown");
        e(162, "Invalid file type", Reason.INVALID_REQUEST, "file");
        e(172, "Invalid image format", Reason.INVALID_REQUEST, "file");
        e(213, "Invalid filename", Reason.INVALID_REQUEST, "file");
        e(239, "Upload failed. Estate already has a title picture.", Reason.INVALID_REQUEST, "second title picture");
        e(161, "Document attribute exists", Reason.INVALID_REQUEST, "documentAttribute already used");
        // marketplace
        e(193, "Parameter extendedclaim is required, but missing, empty or invalid", Reason.EXTENDED_CLAIM,
                "marketplace API user without a valid extendedclaim");
        e(201, "Parameter \"extendedclaim\" is outdated", Reason.EXTENDED_CLAIM, "use the latest apiClaim");
        e(248, "No matching extendedclaim", Reason.EXTENDED_CLAIM, "claim of another user or customer");
        e(177, "Parameter cache does not exist", Reason.INVALID_REQUEST, "unlockProvider with a bad parameterCacheId");
        e(178, "Missing entries in parameter cache", Reason.INVALID_REQUEST, "unlockProvider with a bad parameterCacheId");
        // not from the server: the PHP SDK's stand-in for a missing result; the WP plugin maps "no errorcode" to it
        e(500, "Missing result entry in API response for queued action.", Reason.SERVER_ERROR,
                "a queued action got no result; retry");
    }

    private OnOfficeErrors() {
    }

    private static void e(int code, String message, Reason reason, String meaning) {
        if (TABLE.put(code, new Entry(code, message, reason, meaning)) != null) {
            throw new IllegalStateException("Error code listed twice: " + code);
        }
    }

    /** The documented entry for {@code code}, or empty for a code the reference does not list. */
    public static Optional<Entry> of(int code) {
        return Optional.ofNullable(TABLE.get(code));
    }

    /** Every documented code, in the reference's order. */
    public static Collection<Entry> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }
}
