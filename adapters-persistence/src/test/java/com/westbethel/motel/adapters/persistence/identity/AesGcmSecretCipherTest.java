package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher("thirty-two bytes of key material".getBytes());

    @Test
    void a_secret_comes_back_and_is_never_stored_in_plain_or_twice_the_same() {
        String first = cipher.encrypt("JBSWY3DPEHPK3PXP");
        String second = cipher.encrypt("JBSWY3DPEHPK3PXP");

        assertThat(first).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void another_key_or_an_altered_value_is_refused() {
        String sealed = cipher.encrypt("JBSWY3DPEHPK3PXP");
        AesGcmSecretCipher otherKey = new AesGcmSecretCipher("another thirty-two bytes of key!".getBytes());
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> otherKey.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_key_of_the_wrong_size_is_refused_at_start() {
        assertThatThrownBy(() -> new AesGcmSecretCipher(new byte[16])).hasMessageContaining("32 bytes");
    }

    // Review of finding 8: a value sealed for the email outbox and an MFA secret never open with each other's cipher.
    @Test
    void the_outbox_cipher_and_the_mfa_cipher_do_not_open_each_others_values() {
        byte[] masterKey = "thirty-two bytes of key material".getBytes();
        AesGcmSecretCipher mfa = new AesGcmSecretCipher(masterKey);
        AesGcmSecretCipher outbox = AesGcmSecretCipher.forEmailOutbox(masterKey);

        String mfaSecret = mfa.encrypt("JBSWY3DPEHPK3PXP");

        assertThatThrownBy(() -> outbox.decrypt(mfaSecret)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mfa.decrypt(outbox.encrypt("reset-token"))).isInstanceOf(IllegalStateException.class);
        assertThat(AesGcmSecretCipher.forEmailOutbox(masterKey).decrypt(outbox.encrypt("reset-token"))).isEqualTo("reset-token");
    }
}
