package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.domain.identity.PasswordStrength;
import com.westbethel.motel.domain.identity.PasswordStrengthEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Password strength by nbvcxz, which estimates the guesses an attacker needs, knowing the common and
 * breached-password dictionaries it ships, keyboard patterns, dates, and the user's own words.
 *
 * @param minimumEntropyBits how many bits of guessing work a password must need (nbvcxz's own default is 35)
 */
public record NbvcxzPasswordStrength(double minimumEntropyBits) implements PasswordStrengthEstimator {

    @Override
    public PasswordStrength estimate(String password, List<String> personalWords) {
        DictionaryBuilder personal = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
        personalWords.stream().filter(word -> !word.isBlank()).forEach(word -> personal.addWord(word, 0));
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(personal.createDictionary());
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(minimumEntropyBits)
                .setLocale(Locale.ENGLISH)
                .createConfiguration());
        Result result = estimator.estimate(password);
        return new PasswordStrength(result.isMinimumEntropyMet(),
                Optional.ofNullable(result.getFeedback().getWarning()).filter(warning -> !warning.isBlank()),
                result.getFeedback().getSuggestion());
    }
}
