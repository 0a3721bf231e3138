package com.omnichat.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Drafts;
import com.omnichat.base.LanguageChanged;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff users: administration (permission to manage users) and a user's own settings. */
@Service
@Transactional
public class UserService {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    public static final int MAX_SIGNATURE = 1000;
    private static final List<String> PALETTE =
            List.of("#1a73e8", "#e8710a", "#188038", "#d93025", "#9334e6", "#007b83", "#c5221f", "#5f6368");

    private final StaffUserRepository users;
    private final StaffRoleRepository roles;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final StaffSessions sessions;
    private final Signatures signatures;
    private final Cache<String, Map<Long, StaffMember>> directory =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).build();

    UserService(
            StaffUserRepository users,
            StaffRoleRepository roles,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            StaffSessions sessions,
            Signatures signatures) {
        this.users = users;
        this.roles = roles;
        this.signatures = signatures;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_USERS')")
    @Transactional(readOnly = true)
    public List<StaffMember> search(String query, int offset, int limit) {
        return users
                .search(normalizeQuery(query), PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1)))
                .stream()
                .map(StaffUser::toMember)
                .toList();
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_USERS')")
    @Transactional(readOnly = true)
    public long count(String query) {
        return users.countSearch(normalizeQuery(query));
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_USERS')")
    public StaffMember create(NewStaffMember request) {
        Drafts.valid(request);
        String login = normalizeLogin(request.login());
        String fullName = request.fullName().strip();
        String email = normalizeEmail(request.email());
        PasswordPolicy.check(login, request.password());
        if (users.existsByLogin(login)) {
            throw new UserFacingException("user.error.login-taken", login);
        }
        var user = new StaffUser(
                login,
                fullName,
                email,
                role(request.role()),
                passwordEncoder.encode(request.password()),
                colorFor(login));
        directory.invalidateAll();
        try {
            return users.saveAndFlush(user).toMember();
        } catch (DataIntegrityViolationException e) {
            // Two administrators creating the same login at once: the unique index decides.
            throw new UserFacingException("user.error.login-taken", login);
        }
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_USERS')")
    public StaffMember update(long id, StaffChanges changes) {
        Drafts.valid(changes);
        StaffUser user = load(id);
        if (user.toMember().version() != changes.version()) {
            throw new UserFacingException("user.error.changed-meanwhile");
        }
        boolean losesAdministration =
                user.isActiveAdministrator() && (!changes.role().isAdministrator() || !changes.active());
        if (losesAdministration) {
            requireAnotherActiveAdministrator(id);
        }
        boolean deactivated = user.active() && !changes.active();
        boolean roleChanged = !user.role().equals(changes.role());
        user.changeDetails(
                changes.fullName().strip(),
                normalizeEmail(changes.email()),
                roleChanged ? role(changes.role()) : user.staffRole());
        user.setActive(changes.active());
        StaffMember saved = flush(user);
        if (deactivated) {
            events.publishEvent(new StaffDeactivated(id));
        }
        if (deactivated || roleChanged) {
            // A session keeps the role it signed in with: he signs in again and gets his new rights.
            sessions.endAll(id, null);
        }
        return saved;
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_USERS')")
    public StaffMember deactivate(long id) {
        StaffMember member = load(id).toMember();
        return update(id, new StaffChanges(member.fullName(), member.email(), member.role(), false, member.version()));
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_USERS')")
    public void resetPassword(long id, String newPassword) {
        StaffUser user = load(id);
        PasswordPolicy.check(user.login(), newPassword);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        // Whoever knew the old password is signed out everywhere.
        sessions.endAll(id, null);
    }

    /**
     * A signed-in user changes his own password; the current one is asked for again. He stays
     * signed in where he is; his other sessions end.
     */
    public void changeOwnPassword(String currentPassword, String newPassword) {
        StaffUser user = load(CurrentStaff.require().id());
        if (!passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new UserFacingException("user.error.current-password-wrong");
        }
        PasswordPolicy.check(user.login(), newPassword);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        sessions.endAll(user.id(), StaffSessions.currentSessionId());
    }

    /** The signed-in user's e-mail signature (plain text), if he set one. */
    @Transactional(readOnly = true)
    public Optional<String> ownSignature() {
        return signatures.of(CurrentStaff.require().id());
    }

    /**
     * The signed-in user sets his e-mail signature; blank removes it. Line endings are
     * normalised and trailing spaces dropped (a "-- " separator line inside would cut it short
     * in the client's mail program, so that is kept out too).
     */
    public Optional<String> changeOwnSignature(@Nullable String signature) {
        long userId = CurrentStaff.require().id();
        String clean = normalizeSignature(signature);
        if (clean.isEmpty()) {
            signatures.remove(userId);
            return Optional.empty();
        }
        if (clean.length() > MAX_SIGNATURE) {
            throw new UserFacingException("user.error.signature-too-long", MAX_SIGNATURE);
        }
        signatures.save(userId, clean);
        return Optional.of(clean);
    }

    /** A user's signature, for the inbox to append to his e-mail replies. */
    @Transactional(readOnly = true)
    public Optional<String> signatureOf(long userId) {
        CurrentStaff.require();
        return signatures.of(userId);
    }

    static String normalizeSignature(@Nullable String signature) {
        if (signature == null) {
            return "";
        }
        return signature
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .lines()
                .map(String::stripTrailing)
                .filter(line -> !line.equals("--"))
                .collect(Collectors.joining("\n"))
                .strip();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> findById(long id) {
        CurrentStaff.require();
        return users.findById(id).map(StaffUser::toMember);
    }

    /** Active staff, for pickers such as "responsible manager". */
    @Transactional(readOnly = true)
    public List<StaffMember> activeStaff() {
        CurrentStaff.require();
        return users.findByActiveTrueOrderByFullName().stream()
                .map(StaffUser::toMember)
                .toList();
    }

    /**
     * Every staff member by id (inactive ones too: old chats still show them). Small and
     * read on every chat list page, so cached for a few seconds.
     */
    @Transactional(readOnly = true)
    public Map<Long, StaffMember> directory() {
        return directory.get(
                "all",
                k -> users.findAll().stream().collect(Collectors.toUnmodifiableMap(u -> u.id(), StaffUser::toMember)));
    }

    /**
     * The directory, holding at least the given users: read again when one of them is missing
     * (created after the cache was filled, possibly on another node).
     */
    @Transactional(readOnly = true)
    public Map<Long, StaffMember> directory(Collection<Long> needed) {
        Map<Long, StaffMember> all = directory();
        if (all.keySet().containsAll(needed)) {
            return all;
        }
        directory.invalidateAll();
        return directory();
    }

    /** A role's name or permissions changed: the directory shows them. */
    void rolesChanged() {
        directory.invalidateAll();
    }

    @EventListener
    void on(LanguageChanged event) {
        users.findById(event.userId()).ifPresent(u -> u.changeLanguage(event.language()));
    }

    private void requireAnotherActiveAdministrator(long id) {
        boolean another = users.lockActiveAdministrators().stream().anyMatch(u -> u.id() != id);
        if (!another) {
            throw new UserFacingException("user.error.last-administrator");
        }
    }

    private StaffMember flush(StaffUser user) {
        directory.invalidateAll();
        try {
            return users.saveAndFlush(user).toMember();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new UserFacingException("user.error.changed-meanwhile");
        }
    }

    /** The stored role (deleted meanwhile: the administrator is told, nothing is saved). */
    private StaffRole role(Role role) {
        return roles.findById(role.id()).orElseThrow(() -> new UserFacingException("role.error.gone"));
    }

    private StaffUser load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User " + id));
    }

    static String normalizeLogin(@Nullable String login) {
        String normalized = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(normalized).matches()) {
            throw new UserFacingException("user.error.login-format");
        }
        return normalized;
    }

    /** After the draft's check: blank is no e-mail. */
    private static @Nullable String normalizeEmail(@Nullable String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    private static String normalizeQuery(@Nullable String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    private static String colorFor(String login) {
        return PALETTE.get(Math.floorMod(login.hashCode(), PALETTE.size()));
    }
}
