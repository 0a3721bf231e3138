package com.omnichat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.omnichat.base.TranslationProvider;
import com.omnichat.base.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** BCrypt reads 72 bytes of a password: a longer one is refused rather than silently cut. */
class PasswordPolicyTest {

    @Test
    void thirtyCyrillicLettersFitInSeventyTwoBytes() {
        String password = "ж".repeat(30) + "7"; // 61 bytes
        assertThatCode(() -> PasswordPolicy.check("olena", password)).doesNotThrowAnyException();
    }

    @Test
    void fortyCyrillicLettersAreTooLongThoughFewerThanSeventyTwoCharacters() {
        String password = "ж".repeat(40) + "7"; // 41 characters, 81 bytes
        assertThatThrownBy(() -> PasswordPolicy.check("olena", password))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("user.error.password-too-long");
                    assertThat(TranslationProvider.translate(e.messageKey(), TranslationProvider.UKRAINIAN, e.args()))
                            .contains("72");
                });
    }

    @Test
    void seventyTwoAsciiCharactersAreTheLimit() {
        assertThatCode(() -> PasswordPolicy.check("olena", "a1".repeat(36))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("olena", "a1".repeat(36) + "b"))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.password-too-long"));
    }

    @Test
    void anInitialAdministratorPasswordTooLongStopsTheStartWithAClearError() {
        StaffUserRepository users = mock(StaffUserRepository.class);
        var initial = new InitialAdministrator(
                users, PasswordEncoderFactories.createDelegatingPasswordEncoder(), "boss", "ж".repeat(40) + "7");

        assertThatThrownBy(() -> initial.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OMNICHAT_ADMIN_PASSWORD")
                .hasMessageContaining("72 bytes");
        verify(users, never()).save(any());
    }
}
