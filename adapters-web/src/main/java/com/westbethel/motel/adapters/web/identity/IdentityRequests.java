package com.westbethel.motel.adapters.web.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request bodies of the identity endpoints. Limits keep absurd input away from the hashing; secrets never reach a log. */
final class IdentityRequests {

    private IdentityRequests() {
    }

    record Register(
            @NotBlank @ValidEmail @Size(max = 254) @Schema(example = "anna@example.com") String email,
            @NotNull @Size(max = 256) @Schema(example = "lantern orchard velvet kayak") String password,
            @NotBlank @Size(max = 100) @Schema(example = "Anna") String firstName,
            @NotBlank @Size(max = 100) @Schema(example = "Berg") String lastName) {

        @Override
        public String toString() {
            return "Register[email=" + email + ", password=redacted]";
        }
    }

    record LogIn(@NotBlank @Size(max = 254) @Schema(example = "anna@example.com") String email,
            @NotNull @Size(max = 256) @Schema(example = "lantern orchard velvet kayak") String password) {

        @Override
        public String toString() {
            return "LogIn[email=" + email + ", password=redacted]";
        }
    }

    record Refresh(@NotBlank @Size(max = 256) @Schema(example = "q3KfYw1lJ8m0hT5rZ2xN7cV4bA9sD6eG1uI0oP3yL8k") String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[redacted]";
        }
    }

    record Token(@NotBlank @Size(max = 256) @Schema(example = "kXyZ4mN8pQ2rS6tU0vW3xY7zA1bC5dE9fG2hJ6kL0mN") String token) {

        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    /** Deliberately not validated as an address: a malformed one is answered like an unknown one. */
    record Email(@NotBlank @Size(max = 254) @Schema(example = "anna@example.com") String email) {
    }

    record ResetPassword(@NotBlank @Size(max = 256) @Schema(example = "kXyZ4mN8pQ2rS6tU0vW3xY7zA1bC5dE9fG2hJ6kL0mN") String token,
            @NotNull @Size(max = 256) @Schema(example = "harbour pepper glacier trumpet") String newPassword) {

        @Override
        public String toString() {
            return "ResetPassword[redacted]";
        }
    }

    record ChangePassword(@NotNull @Size(max = 256) @Schema(example = "lantern orchard velvet kayak") String currentPassword,
            @NotNull @Size(max = 256) @Schema(example = "harbour pepper glacier trumpet") String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[redacted]";
        }
    }

    record RevokeToken(@NotBlank @Size(max = 64) @Schema(example = "3f8a6c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b") String jti) {
    }
}
