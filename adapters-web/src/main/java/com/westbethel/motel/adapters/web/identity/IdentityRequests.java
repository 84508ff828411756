package com.westbethel.motel.adapters.web.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request bodies of the identity endpoints. Limits keep absurd input away from the hashing; secrets never reach a log. */
final class IdentityRequests {

    private IdentityRequests() {
    }

    record Register(
            @NotBlank @ValidEmail @Size(max = 254) String email,
            @NotNull @Size(max = 256) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName) {

        @Override
        public String toString() {
            return "Register[email=" + email + ", password=redacted]";
        }
    }

    record LogIn(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 256) String password) {

        @Override
        public String toString() {
            return "LogIn[email=" + email + ", password=redacted]";
        }
    }

    record Refresh(@NotBlank @Size(max = 256) String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[redacted]";
        }
    }

    record Token(@NotBlank @Size(max = 256) String token) {

        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    /** Deliberately not validated as an address: a malformed one is answered like an unknown one. */
    record Email(@NotBlank @Size(max = 254) String email) {
    }

    record ResetPassword(@NotBlank @Size(max = 256) String token, @NotNull @Size(max = 256) String newPassword) {

        @Override
        public String toString() {
            return "ResetPassword[redacted]";
        }
    }

    record ChangePassword(@NotNull @Size(max = 256) String currentPassword, @NotNull @Size(max = 256) String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[redacted]";
        }
    }

    record RevokeToken(@NotBlank @Size(max = 64) String jti) {
    }
}
