package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.user.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A buyer with the lead's phone or e-mail whom the manager may not see is neither revealed
 * nor linked by "Save buyer": the lead becomes a buyer of his own and the pair is flagged as a
 * possible duplicate, which only administrators read and dismiss.
 */
class DuplicateFlagsTest extends CardTest {

    @Autowired
    DuplicateFlags flags;

    StaffMember max;
    ChannelInfo viber;
    ClientSummary annasBuyer;
    long maxsChat;

    @BeforeEach
    void annaHasABuyerMaxHasALeadWithHisPhoneAndEmail() {
        max = staff.manager("max");
        viber = inbox.channel(ChannelType.VIBER, "Viber shop", max);
        annasBuyer = card.buyer(card.chat(telegram, "Olena Bondar"), "+380671234567", "olena@example.com");
        staff.signInAs(max);
        maxsChat = card.chat(viber, "Dmytro Sokolov");
    }

    @Test
    void aHiddenMatchMakesANewBuyerAndAFlagThatNamesBothForTheAdministrator() {
        ClientSummary lead = card.lead(maxsChat, "067 123 45 67", "Olena@example.com");

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), maxsChat);

        assertThat(result.offered()).isFalse();
        assertThat(result.linked()).isFalse();
        assertThat(result.buyer().id()).isEqualTo(lead.id());
        staff.signInAs(staff.administrator("olha"));
        assertThat(flags.openCount()).isEqualTo(1);
        assertThat(flags.open(10))
                .extracting(
                        DuplicateFlag::clientId,
                        DuplicateFlag::clientName,
                        DuplicateFlag::otherClientId,
                        DuplicateFlag::otherClientName,
                        DuplicateFlag::reason,
                        DuplicateFlag::contact,
                        DuplicateFlag::unverified)
                .containsExactly(tuple(
                        lead.id(),
                        "Dmytro Sokolov",
                        annasBuyer.id(),
                        "Olena Bondar",
                        LinkReason.SAME_PHONE,
                        "+380671234567",
                        false));
    }

    @Test
    void aVisibleMatchIsOfferedAndFlagsNothing() {
        inbox.grant(telegram, max);
        ClientSummary lead = card.lead(maxsChat, "067 123 45 67", null);

        SaveBuyerResult result = cards.saveAsBuyer(lead.id(), lead.version(), maxsChat);
        cards.saveAsNewBuyer(lead.id(), lead.version(), maxsChat);

        assertThat(result.offer().name()).isEqualTo("Olena Bondar");
        staff.signInAs(staff.administrator("olha"));
        assertThat(flags.openCount()).isZero();
    }

    @Test
    void theAdministratorDismissesAFlagOnceHeLookedAtBothBuyers() {
        ClientSummary lead = card.lead(maxsChat, null, "olena@example.com");
        cards.saveAsBuyer(lead.id(), lead.version(), maxsChat);
        staff.signInAs(staff.administrator("olha"));
        DuplicateFlag flag = flags.open(10).getFirst();
        assertThat(flag.reason()).isEqualTo(LinkReason.SAME_EMAIL);

        flags.dismiss(flag.id());
        flags.dismiss(flag.id());

        assertThat(flags.open(10)).isEmpty();
        assertThat(flags.openCount()).isZero();
    }

    @Test
    void aManagerCanNeitherReadNorDismissTheFlags() {
        ClientSummary lead = card.lead(maxsChat, "0671234567", null);
        cards.saveAsBuyer(lead.id(), lead.version(), maxsChat);
        staff.signInAs(staff.administrator("olha"));
        long flagId = flags.open(10).getFirst().id();

        for (StaffMember manager : new StaffMember[] {max, anna}) {
            staff.signInAs(manager);
            assertThatThrownBy(() -> flags.open(10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> flags.openCount()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> flags.dismiss(flagId)).isInstanceOf(AccessDeniedException.class);
        }
        staff.signInAs(staff.administrator("ivan"));
        assertThat(flags.open(10)).extracting(DuplicateFlag::id).containsExactly(flagId);
    }
}
