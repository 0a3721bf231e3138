package com.omnichat.quickreply;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Drafts;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.Permission;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.base.UserFacingException;
import com.omnichat.sales.OrderService;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quick replies. Shared templates are visible to everybody (when active) and edited by
 * administrators only; personal ones exist for their owner alone. Every method checks
 * this itself, whatever view calls it.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class QuickReplyService {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 4096;
    public static final int MAX_SHORTCUT = 30;

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9_-]+");
    private static final Comparator<QuickReply> MOST_USED_FIRST = Comparator.comparingLong(QuickReply::usageCount)
            .reversed()
            .thenComparing(q -> q.title().toLowerCase(Locale.ROOT))
            .thenComparingLong(QuickReply::id);

    private final QuickReplyRepository templates;
    private final OrderService orders;

    QuickReplyService(QuickReplyRepository templates, OrderService orders) {
        this.templates = templates;
        this.orders = orders;
    }

    /**
     * The active templates the user may insert (shared + his own) whose title, text or
     * shortcut contains the query, most used first. Filtered in Java: a shop has hundreds of
     * templates, not millions, and Java lower-cases Cyrillic whatever the database's locale.
     */
    @Transactional(readOnly = true)
    public List<QuickReply> search(@Nullable String query) {
        String q = normalizeQuery(query);
        return usable().filter(t -> q.isEmpty() || matches(t, q))
                .sorted(MOST_USED_FIRST)
                .toList();
    }

    /**
     * For {@code /word} in the composer: templates whose shortcut starts with the word first,
     * then those whose title contains it; each group most used first.
     */
    @Transactional(readOnly = true)
    public List<QuickReply> byShortcut(@Nullable String prefix) {
        String p = normalizeQuery(prefix).replaceFirst("^/", "");
        List<QuickReply> all = usable().sorted(MOST_USED_FIRST).toList();
        if (p.isEmpty()) {
            return all;
        }
        List<QuickReply> byShortcut = all.stream()
                .filter(t -> t.shortcut() != null && t.shortcut().startsWith(p))
                .toList();
        List<QuickReply> byTitle = all.stream()
                .filter(t -> !byShortcut.contains(t)
                        && t.title().toLowerCase(Locale.ROOT).contains(p))
                .toList();
        return Stream.concat(byShortcut.stream(), byTitle.stream()).toList();
    }

    /** Administration: every shared template, inactive ones included, by title. */
    @PreAuthorize("hasAuthority('PERM_MANAGE_TEMPLATES')")
    @Transactional(readOnly = true)
    public List<QuickReply> shared(@Nullable String query) {
        return manageable(templates.findByOwnerIdIsNull(), query);
    }

    /** The signed-in user's personal templates, inactive ones included, by title. */
    @Transactional(readOnly = true)
    public List<QuickReply> mine(@Nullable String query) {
        return manageable(templates.findByOwnerId(CurrentStaff.require().id()), query);
    }

    public QuickReply create(QuickReplyDraft draft) {
        StaffPrincipal user = CurrentStaff.require();
        if (draft.shared() && !user.can(Permission.MANAGE_TEMPLATES)) {
            throw new UserFacingException("quickreply.error.shared-admin-only");
        }
        Long owner = draft.shared() ? null : user.id();
        var entity = new QuickReplyEntity(owner);
        return save(entity, draft, owner, null);
    }

    public QuickReply update(long id, QuickReplyDraft draft, long version) {
        QuickReplyEntity entity = editable(id);
        if (entity.version() != version) {
            throw new UserFacingException("quickreply.error.changed");
        }
        return save(entity, draft, entity.ownerId(), id);
    }

    public void delete(long id) {
        templates.delete(editable(id));
    }

    /** Counts one insertion of a template the user may see. */
    public void markUsed(long id) {
        StaffPrincipal user = CurrentStaff.require();
        templates.findVisible(id, user.id()).orElseThrow(() -> new NotFoundException("Quick reply " + id));
        templates.incrementUsage(id);
    }

    /**
     * The values for a message to this client: his name, the signed-in manager's name and
     * the number of the client's latest active order (none when he has no active order).
     */
    @Transactional(readOnly = true)
    public Variables variablesFor(long clientId, String clientName) {
        return new Variables(clientName, CurrentStaff.require().fullName(), orders.latestActiveNumber(clientId));
    }

    /**
     * Fills {@code {client_name}}, {@code {manager_name}} and, when known,
     * {@code {order_number}}. Anything else in braces stays as typed, so the manager sees an
     * unknown or unfilled variable before sending.
     */
    public static String fill(String text, Variables values) {
        String filled =
                text.replace("{client_name}", values.clientName()).replace("{manager_name}", values.managerName());
        if (values.orderNumber() != null) {
            filled = filled.replace("{order_number}", values.orderNumber());
        }
        return filled;
    }

    // ---- rules ----

    private Stream<QuickReply> usable() {
        return templates.visibleTo(CurrentStaff.require().id()).stream()
                .map(QuickReplyEntity::toView)
                .filter(QuickReply::active);
    }

    private static List<QuickReply> manageable(List<QuickReplyEntity> list, @Nullable String query) {
        String q = normalizeQuery(query);
        return list.stream()
                .map(QuickReplyEntity::toView)
                .filter(t -> q.isEmpty() || matches(t, q))
                .sorted(Comparator.comparing((QuickReply t) -> t.title().toLowerCase(Locale.ROOT))
                        .thenComparingLong(QuickReply::id))
                .toList();
    }

    /** Loads a template the signed-in user may change: shared for administrators, personal for the owner. */
    private QuickReplyEntity editable(long id) {
        StaffPrincipal user = CurrentStaff.require();
        QuickReplyEntity entity =
                templates.findVisible(id, user.id()).orElseThrow(() -> new NotFoundException("Quick reply " + id));
        if (entity.ownerId() == null && !user.can(Permission.MANAGE_TEMPLATES)) {
            throw new UserFacingException("quickreply.error.shared-admin-only");
        }
        return entity;
    }

    private QuickReply save(QuickReplyEntity entity, QuickReplyDraft draft, @Nullable Long owner, @Nullable Long id) {
        Drafts.valid(draft);
        String title = draft.title().strip();
        String body = draft.body().strip();
        String shortcut = normalizeShortcut(draft.shortcut());
        if (shortcut != null && shortcutTaken(shortcut, owner, id)) {
            throw new UserFacingException("quickreply.error.shortcut-taken", shortcut);
        }
        entity.apply(title, body, shortcut, draft.active());
        try {
            return templates.saveAndFlush(entity).toView();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new UserFacingException("quickreply.error.changed");
        } catch (DataIntegrityViolationException e) {
            // Two saves raced past the check above; the unique index decided.
            throw new UserFacingException("quickreply.error.shortcut-taken", shortcut);
        }
    }

    /**
     * A shared shortcut must be unique among shared templates; a personal one among the
     * shared templates and the owner's own (other people's personal ones are none of his business).
     */
    private boolean shortcutTaken(String shortcut, @Nullable Long owner, @Nullable Long id) {
        List<QuickReplyEntity> candidates =
                owner == null ? templates.findByOwnerIdIsNull() : templates.visibleTo(owner);
        return candidates.stream()
                .map(QuickReplyEntity::toView)
                .anyMatch(t -> shortcut.equals(t.shortcut()) && (id == null || t.id() != id));
    }

    private static @Nullable String normalizeShortcut(@Nullable String value) {
        String v = value == null ? "" : value.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_SHORTCUT || !SHORTCUT.matcher(v).matches()) {
            throw new UserFacingException("quickreply.error.shortcut-format", MAX_SHORTCUT);
        }
        return v;
    }

    private static boolean matches(QuickReply t, String q) {
        return t.title().toLowerCase(Locale.ROOT).contains(q)
                || t.body().toLowerCase(Locale.ROOT).contains(q)
                || (t.shortcut() != null && t.shortcut().contains(q));
    }

    private static String normalizeQuery(@Nullable String query) {
        return Objects.requireNonNullElse(query, "").strip().toLowerCase(Locale.ROOT);
    }
}
