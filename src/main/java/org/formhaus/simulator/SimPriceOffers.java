package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * Purchase price offers (onoffice-api.md §5 "Price offer"): DO priceOffer sets the address's offer for the estate on
 * its prospect entry (table {@code priceOffer}, one row per estate and address, replaced by a later offer), adds the
 * "Offered till now" entry ({@code address:estate:offer} relation) when missing and raises the advisory level to C
 * when it was lower; it writes no agent's-log entry. It needs the write rights on addresses (else 261, naming the
 * address) and on estates. GET priceOffer answers the offer as a formatted string with currency ("350.000,00 €").
 * Where the reference is silent the simulator chooses: an estate or address that does not exist is 80 (unknown
 * record); a missing offer on GET is an empty string. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimPriceOffers {

    static final String OFFERED = "urn:onoffice-de-ns:smart:2.5:relationTypes:address:estate:offer";
    /** Advisory levels, A (contract signed) highest; priceOffer raises to C. */
    private static final String LEVELS = "ABCDEFG";

    private final SimContext c;

    SimPriceOffers(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("DO priceOffer", (id, p) -> offer(p));
        routes.put("GET priceOffer", (id, p) -> read(p));
    }

    private SimOutcome offer(JsonObject p) throws SimError {
        String estate = str(p, "estateId");
        String address = str(p, "addressId");
        if (estate == null) throw SimError.missingParameter("estateId");
        if (address == null) throw SimError.missingParameter("addressId");
        if (!p.has("priceOffer")) throw SimError.missingParameter("priceOffer");
        BigDecimal offer;
        try {
            offer = p.get("priceOffer").getAsBigDecimal();
        } catch (RuntimeException e) {
            throw SimError.invalid("priceOffer", "must be a decimal number without currency");
        }
        if (!c.s.has(ApiRight.WRITE_ADDRESSES) || !c.s.has(ApiRight.ADDRESSES)) {
            throw new SimError(SimError.ADDRESS_WRITE_RIGHT,
                    "Missing write right for address(es) with id(s) " + address);
        }
        c.need("write properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
        c.find("estate", estate, c::estateVisible);
        c.find("address", address, c::addressVisible);
        JsonObject entry = entry(estate, address);
        if (entry == null) {
            entry = new JsonObject();
            entry.addProperty("estateId", estate);
            entry.addProperty("addressId", address);
            c.s.insert("priceOffer", entry);
        }
        entry.addProperty("priceOffer", offer.stripTrailingZeros().toPlainString());
        String level = str(entry, "advisorylevel");
        if (level == null || LEVELS.indexOf(level) > LEVELS.indexOf('C')) entry.addProperty("advisorylevel", "C");
        boolean offered = c.s.table("relation").values().stream().anyMatch(r -> OFFERED.equals(str(r, "relationtype"))
                && address.equals(str(r, "parentid")) && estate.equals(str(r, "childid")));
        if (!offered) {
            JsonObject rel = new JsonObject();
            rel.addProperty("relationtype", OFFERED);
            rel.addProperty("parentid", address);
            rel.addProperty("childid", estate);
            c.s.insert("relation", rel);
        }
        return SimOutcome.success();
    }

    private SimOutcome read(JsonObject p) throws SimError {
        String estate = str(p, "estateId");
        String address = str(p, "addressId");
        if (estate == null) throw SimError.missingParameter("estateId");
        if (address == null) throw SimError.missingParameter("addressId");
        JsonObject entry = entry(estate, address);
        JsonObject el = new JsonObject();
        el.addProperty("priceOffer", entry == null ? "" : formatted(new BigDecimal(str(entry, "priceOffer"))));
        com.google.gson.JsonArray records = new com.google.gson.JsonArray();
        records.add(SimOutcome.record(0, "", el));
        return SimOutcome.of(records);
    }

    private JsonObject entry(String estate, String address) {
        return c.s.table("priceOffer").values().stream().filter(e -> estate.equals(str(e, "estateId"))
                && address.equals(str(e, "addressId"))).findFirst().orElse(null);
    }

    private static String formatted(BigDecimal offer) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(offer) + " €";
    }
}
