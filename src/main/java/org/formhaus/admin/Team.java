package org.formhaus.admin;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.http.HttpProblem;
import org.formhaus.passwords.PasswordHasher;
import org.formhaus.passwords.PasswordRules;
import org.formhaus.storage.AdminUser;
import org.formhaus.storage.AdminUserStore;
import org.formhaus.storage.Database;
import org.formhaus.storage.Invitation;
import org.formhaus.storage.InvitationStore;
import org.formhaus.storage.MemberStore;
import org.formhaus.storage.Role;

/**
 * An account's team: inviting by link, joining, changing roles and removing members, for the admin API and the team
 * pages alike. Every change is a security event of the account; details name users by id, never by email.
 * Thread-safe; one per application.
 */
public final class Team {

    public static final int DEFAULT_VALID_DAYS = 7;
    public static final int MAX_VALID_DAYS = 30;
    public static final int MAX_NOTE = 200;
    /** Where an invitation link points: the join page, followed by the token. */
    public static final String JOIN_PATH = "/admin/join/";

    private final Database db;
    private final MemberStore members;
    private final InvitationStore invitations;
    private final AdminUserStore users;
    private final PasswordHasher hasher;
    private final SecurityLog log;
    private final Clock clock;

    public Team(Database db, MemberStore members, InvitationStore invitations, AdminUserStore users,
                PasswordHasher hasher, SecurityLog log, Clock clock) {
        this.db = db;
        this.members = members;
        this.invitations = invitations;
        this.users = users;
        this.hasher = hasher;
        this.log = log;
        this.clock = clock;
    }

    /** A new invitation and its token: the only time the token exists outside the link. */
    public record NewInvitation(Invitation invitation, String token) {
    }

    public MemberStore members() {
        return members;
    }

    public InvitationStore invitations() {
        return invitations;
    }

    /**
     * Invites into {@code accountId} with {@code role}, valid {@code validDays} (1 to {@value #MAX_VALID_DAYS}) days.
     *
     * @throws HttpProblem 400 naming the bad value
     */
    public NewInvitation invite(long accountId, long byUser, Role role, String note, int validDays)
            throws SQLException {
        if (validDays < 1 || validDays > MAX_VALID_DAYS) {
            throw HttpProblem.badRequest("validDays: from 1 to " + MAX_VALID_DAYS + ", is " + validDays);
        }
        if (note.length() > MAX_NOTE) {
            throw HttpProblem.badRequest("note: at most " + MAX_NOTE + " characters");
        }
        String token = Secrets.randomToken(24);
        String hash = Secrets.tokenHash(token);
        long now = clock.millis();
        long expires = now + Duration.ofDays(validDays).toMillis();
        invitations.create(accountId, role, note, byUser, hash, expires);
        Invitation invitation = new Invitation(org.formhaus.storage.ApiToken.idOf(hash), accountId, role, note, "",
                now, expires, null);
        log.record(accountId, byUser, SecurityEventKind.MEMBER_INVITED, "invitation " + invitation.id() + " as "
                + role + ", valid " + validDays + " day(s)");
        return new NewInvitation(invitation, token);
    }

    public void withdraw(long accountId, long byUser, String invitationId) throws SQLException {
        if (!invitations.withdraw(accountId, invitationId)) {
            throw HttpProblem.notFound("Invitation '" + invitationId + "'");
        }
        log.record(accountId, byUser, SecurityEventKind.INVITATION_WITHDRAWN, "invitation " + invitationId);
    }

    /** The invitation a link's token stands for, while it may still be used; 404 otherwise (never saying why). */
    public Invitation usable(String token) throws SQLException {
        return invitations.find(Secrets.tokenHash(token)).filter(i -> i.open(clock.millis()))
                .orElseThrow(() -> new HttpProblem(404, "This invitation link is unknown, was already used or has "
                        + "expired: ask for a new one"));
    }

    /**
     * Someone without a user joins with the link: a new user whose home is the inviting account.
     *
     * @throws HttpProblem 404 for a link that cannot be used, 400 naming the field for a bad email, name or
     *                     password, 409 when the email already has a user (who signs in and joins instead)
     */
    public AdminUser joinAsNewUser(String token, String email, String displayName, String password)
            throws SQLException {
        Invitation invitation = usable(token);
        if (!EmailAddresses.isValid(email)) {
            throw HttpProblem.badRequest("email: not a valid email address");
        }
        if (displayName.isBlank() || displayName.length() > 200) {
            throw HttpProblem.badRequest("name: required, at most 200 characters");
        }
        PasswordRules.STANDARD.problem(password, email).ifPresent(problem -> {
            throw HttpProblem.badRequest("password: " + problem.message());
        });
        if (users.findByEmail(email).isPresent()) {
            throw new HttpProblem(409, "email: there is already a user with this email; sign in, then open the link "
                    + "again to join");
        }
        String hash = hasher.hash(password);
        String tokenHash = Secrets.tokenHash(token);
        long now = clock.millis();
        AdminUser created;
        try {
            created = db.inTransaction(c -> {
                AdminUser user = users.create(c, invitation.accountId(), email, displayName.strip(), "", hash,
                        invitation.role());
                if (!invitations.use(c, tokenHash, user.id(), now)) {
                    throw new HttpProblem(404, "This invitation link was used meanwhile: ask for a new one");
                }
                return user;
            });
        } catch (SQLException e) {
            if (users.findByEmail(email).isPresent()) {
                throw new HttpProblem(409, "email: there is already a user with this email");
            }
            throw e;
        }
        log.record(invitation.accountId(), created.id(), SecurityEventKind.MEMBER_JOINED, "new user " + created.id()
                + " as " + invitation.role() + " with invitation " + invitation.id());
        return created;
    }

    /**
     * A signed-in user joins the link's account (a consultant taking on another agency).
     *
     * @return the account joined
     * @throws HttpProblem 404 for a link that cannot be used, 409 when the user already belongs to the account
     */
    public Invitation joinAsUser(String token, AdminUser user) throws SQLException {
        Invitation invitation = usable(token);
        if (members.roleOf(invitation.accountId(), user.id()).isPresent()) {
            throw new HttpProblem(409, "You already belong to this account; the invitation stays unused");
        }
        String tokenHash = Secrets.tokenHash(token);
        long now = clock.millis();
        db.inTransaction(c -> {
            if (!invitations.use(c, tokenHash, user.id(), now)) {
                throw new HttpProblem(404, "This invitation link was used meanwhile: ask for a new one");
            }
            members.add(c, invitation.accountId(), user.id(), invitation.role());
            return null;
        });
        log.record(invitation.accountId(), user.id(), SecurityEventKind.MEMBER_JOINED, "user " + user.id() + " as "
                + invitation.role() + " with invitation " + invitation.id());
        return invitation;
    }

    /** @throws HttpProblem 404 for someone who is no member, 409 when the account would lose its last owner */
    public void changeRole(long accountId, long byUser, long member, Role role) throws SQLException {
        Optional<Role> before = members.roleOf(accountId, member);
        try {
            if (!members.changeRole(accountId, member, role)) {
                throw HttpProblem.notFound("Member " + member);
            }
        } catch (MemberStore.LastOwnerException e) {
            throw new HttpProblem(409, "role: " + e.getMessage());
        }
        log.record(accountId, byUser, SecurityEventKind.MEMBER_ROLE_CHANGED, "user " + member + ": "
                + before.map(Role::jsonName).orElse("?") + " → " + role);
    }

    /** @throws HttpProblem 404 for someone who is no member, 409 for the last owner */
    public void remove(long accountId, long byUser, long member) throws SQLException {
        try {
            if (!members.remove(accountId, member)) {
                throw HttpProblem.notFound("Member " + member);
            }
        } catch (MemberStore.LastOwnerException e) {
            throw new HttpProblem(409, e.getMessage());
        }
        log.record(accountId, byUser, SecurityEventKind.MEMBER_REMOVED, "user " + member);
    }
}
