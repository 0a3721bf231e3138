package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.Permission;
import com.omnichat.base.Role;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.chat.InboxService;
import com.omnichat.customer.DuplicateFlags;
import com.omnichat.quickreply.QuickReplyService;
import com.omnichat.sales.ProductService;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Role × permission × service call: a user whose role has exactly one permission may make the
 * calls that need it and is refused every other one; the built-in roles keep what they could
 * always do.
 */
@IntegrationTest
class PermissionMatrixTest {

    /** Offered in the role editor for the sections that will use them; no service asks for them yet. */
    static final Set<Permission> NOT_ASKED_YET =
            EnumSet.of(Permission.SEE_ALL_CHATS, Permission.SEE_REPORTS, Permission.EXPORT);

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures inbox;

    @Autowired
    RoleService roles;

    @Autowired
    UserService users;

    @Autowired
    InboxService inboxService;

    @Autowired
    ChannelService channels;

    @Autowired
    QuickReplyService quickReplies;

    @Autowired
    ProductService products;

    @Autowired
    DuplicateFlags duplicateFlags;

    interface Call {
        void run() throws Exception;
    }

    /** One call per permission, in an order where none spoils the next (assign before close). */
    private Map<Permission, Call> callsOf(StaffMember colleague, long chatId) {
        Map<Permission, Call> calls = new LinkedHashMap<>();
        calls.put(Permission.ASSIGN_CHATS, () -> inboxService.assign(chatId, colleague.id()));
        calls.put(Permission.CLOSE_CHATS, () -> inboxService.close(chatId));
        calls.put(Permission.MANAGE_CHANNELS, () -> channels.create(ChannelType.VIBER, "Another bot", Set.of()));
        calls.put(Permission.MANAGE_USERS, () -> users.count(""));
        calls.put(Permission.MANAGE_TEMPLATES, () -> quickReplies.shared(null));
        calls.put(Permission.MANAGE_PRODUCTS, () -> products.count(null));
        calls.put(Permission.SEE_ALL_CLIENTS, () -> duplicateFlags.openCount());
        return calls;
    }

    @Test
    void everyPermissionIsAskedForByACallOrKnownNotToBeYet() {
        var covered = EnumSet.copyOf(callsOf(staff.manager("anna"), 0).keySet());
        covered.addAll(NOT_ASKED_YET);
        assertThat(covered).containsExactlyInAnyOrder(Permission.values());
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void aRoleWithOnlyOnePermissionMayMakeExactlyTheCallsThatNeedIt(Permission only) throws Exception {
        staff.signInAs(staff.administrator("olena"));
        Role single = roles.create("Only " + only.name(), Set.of(only)).role();
        StaffMember petro = staff.create("petro", single, true, null);
        assertCells(petro, Set.of(only));
    }

    @Test
    void theAdministratorMayMakeEveryCall() throws Exception {
        assertCells(staff.administrator("olena"), EnumSet.allOf(Permission.class));
    }

    @Test
    void theManagerAssignsAndClosesChatsAndAdministersNothing() throws Exception {
        assertCells(staff.manager("petro"), Role.MANAGER_DEFAULTS);
    }

    @Test
    void aRoleWithoutPermissionsIsRefusedEveryCall() throws Exception {
        staff.signInAs(staff.administrator("olena"));
        Role none = roles.create("Trainee", Set.of()).role();
        assertCells(staff.create("petro", none, true, null), Set.of());
    }

    private void assertCells(StaffMember user, Set<Permission> allowed) throws Exception {
        StaffMember colleague = staff.manager("colleague");
        ChannelInfo shop = inbox.channel("Shop bot", user, colleague);
        long chatId = inbox.newChat(shop, "Ivan Client");
        staff.signInAs(user);
        for (var cell : callsOf(colleague, chatId).entrySet()) {
            if (allowed.contains(cell.getKey())) {
                assertThatCode(cell.getValue()::run)
                        .as("%s may %s", user.login(), cell.getKey())
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(cell.getValue()::run)
                        .as("%s may not %s", user.login(), cell.getKey())
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
    }
}
