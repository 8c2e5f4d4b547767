package org.formhaus.connection;

import java.util.EnumSet;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * The rights (as onOffice's Rights tab names them) that a set of {@link Feature}s needs, from the same table the
 * connection check judges by. The two "only published" restrictions are never needed (they should stay off), and
 * "Creation of new search criteria without write access to addresses" only stands in for "Write addresses". Stateless.
 */
public final class NeededRights {

    private NeededRights() {
    }

    public static Set<ApiRight> of(Set<Feature> features) {
        Set<ApiRight> out = EnumSet.noneOf(ApiRight.class);
        for (ApiRight right : ApiRight.values()) {
            if (right.restriction() || right == ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE) continue;
            if (RightInfo.TABLE.get(right).neededBy(features)) out.add(right);
        }
        return out;
    }
}
