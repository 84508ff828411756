package com.westbethel.motel.domain.identity;

import java.util.List;

/** Estimates how guessable a password is, counting the user's own details as words an attacker would try. */
@FunctionalInterface
public interface PasswordStrengthEstimator {

    PasswordStrength estimate(String password, List<String> personalWords);
}
