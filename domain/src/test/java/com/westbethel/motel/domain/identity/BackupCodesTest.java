package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackupCodesTest {

    @Test
    void ten_distinct_codes_in_groups_of_four_without_look_alike_characters() {
        List<String> codes = BackupCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"));
    }

    @Test
    void a_code_typed_back_in_lower_case_or_without_dashes_has_the_same_hash() {
        assertThat(BackupCodes.hash("abcd efgh jkmn")).isEqualTo(BackupCodes.hash("ABCD-EFGH-JKMN"));
        assertThat(BackupCodes.looksLikeBackupCode("abcd-efgh-jkmn")).isTrue();
        assertThat(BackupCodes.looksLikeBackupCode("123456")).isFalse();
    }
}
