package com.omnichat.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Channel secrets at rest: bound to their channel, and never under a key published with the source. */
class SecretCipherTest {

    static final String DEV_KEY = "ZGV2LW9ubHkta2V5LW9tbmljaGF0LTMyLWJ5dGVzISE=";
    static final String TEST_KEY = "dGVzdC1vbmx5LWtleS1vbW5pY2hhdC0zMi1ieXRlcyE=";
    static final String OWN_KEY = "q3mV0cJ8r1bZx5l9T2nW7yK4pA6sD0fG8hJ1kL3zX5c=";

    @Test
    void aSecretCopiedToAnotherChannelDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(OWN_KEY, new MockEnvironment());
        byte[] sealed = cipher.encrypt(7, "{\"botToken\":\"7000001:AAE-test-token\"}");

        assertThat(cipher.decrypt(7, sealed)).contains("7000001:AAE-test-token");
        assertThatThrownBy(() -> cipher.decrypt(8, sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("copied from another channel");
    }

    @Test
    void aCiphertextOfBeforeTheChannelBindingStillDecrypts() throws Exception {
        SecretCipher cipher = new SecretCipher(OWN_KEY, new MockEnvironment());
        byte[] legacy = LegacySecrets.encrypt(OWN_KEY, "{\"botToken\":\"x\"}");

        assertThat(SecretCipher.isLegacy(legacy)).isTrue();
        assertThat(cipher.decrypt(42, legacy)).isEqualTo("{\"botToken\":\"x\"}");
        assertThat(SecretCipher.isLegacy(cipher.encrypt(42, "{}"))).isFalse();
    }

    @Test
    void thePublicDevelopmentAndTestKeysAreRefusedWithoutTheDevOrTestProfile() {
        for (String key : new String[] {DEV_KEY, TEST_KEY, " " + DEV_KEY + "\n"}) {
            assertThatThrownBy(() -> new SecretCipher(key, new MockEnvironment()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("public development/test key")
                    .hasMessageContaining("openssl rand -base64 32");
            assertThatThrownBy(() -> new SecretCipher(key, profiles("prod"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void thePublicKeysWorkUnderTheDevAndTestProfilesAndAnOwnKeyEverywhere() {
        assertThat(new SecretCipher(DEV_KEY, profiles("dev"))
                        .decrypt(1, new SecretCipher(DEV_KEY, profiles("dev")).encrypt(1, "s")))
                .isEqualTo("s");
        assertThat(new SecretCipher(TEST_KEY, profiles("test")).encrypt(1, "s")).isNotEmpty();
        assertThat(new SecretCipher(OWN_KEY, new MockEnvironment()).encrypt(1, "s"))
                .isNotEmpty();
    }

    private static MockEnvironment profiles(String... profiles) {
        var environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
