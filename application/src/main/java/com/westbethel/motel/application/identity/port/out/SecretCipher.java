package com.westbethel.motel.application.identity.port.out;

/** Encrypts secrets that must be read back (TOTP secrets) with a key from configuration. */
public interface SecretCipher {

    String encrypt(String plainText);

    String decrypt(String cipherText);
}
