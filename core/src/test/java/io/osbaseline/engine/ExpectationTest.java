package io.osbaseline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationTest {

    @ParameterizedTest(name = "''{1}'' {0} -> {2}")
    @CsvSource(delimiter = '#', textBlock = """
            = 0                         # 0                         # true
            = 0                         # 1                         # false
            = 0                         # 00                        # true
            = 0                         # ' 0 '                     # true
            = +5                        # 5                         # true
            = -0                        # 0                         # true
            = 5                         # +                         # false
            = +                         # +                         # true
            = 5                         # ٥                         # false
            = 5                         # 5.0                       # false
            = no                        # NO                        # true
            = no                        # No                        # true
            = no                        # none                      # false
            = 99999999999999999999      # 99999999999999999999      # true
            != yes                      # no                        # true
            != yes                      # YES                       # false
            != 0                        # 000                       # false
            != 0                        # 1                         # true
            < 5                         # 4                         # true
            < 5                         # 5                         # false
            <= 365                      # 365                       # true
            <= 365                      # 366                       # false
            <= 365                      # 99999                     # false
            <= 365                      # -1                        # true
            <= 365                      # never                     # false
            > 0                         # 1                         # true
            > 0                         # 0                         # false
            >= 14                       # 14                        # true
            >= 14                       # 13                        # false
            >= 1.5                      # 2                         # true
            >= -1                       # -1                        # true
            in no|prohibit-password     # prohibit-password         # true
            in no|prohibit-password     # NO                        # true
            in no|prohibit-password     # yes                       # false
            in 0|1                      # 01                        # true
            in 0|1                      # 2                         # false
            subset-of aes128-ctr,aes256-ctr # aes256-ctr,AES128-CTR # true
            subset-of aes128-ctr,aes256-ctr # aes256-ctr aes128-ctr # true
            subset-of aes128-ctr,aes256-ctr # aes256-ctr            # true
            subset-of aes128-ctr,aes256-ctr # aes256-ctr,3des-cbc   # false
            subset-of aes128-ctr,aes256-ctr # ''                    # false
            contains nodev              # rw,nosuid,nodev           # true
            contains nodev              # rw nosuid NODEV           # true
            contains nodev              # rw,nosuid                 # false
            contains nodev              # rw,nodevx                 # false
            matches [0-7]{3}            # 644                       # true
            matches [0-7]{3}            # 0644                      # false
            matches ^(yes|no)$          # no                        # true
            matches ^(yes|no)$          # No                        # false
            set                         # anything                  # true
            set                         # '  '                      # false
            >= 1 and <= 90              # 30                        # true
            >= 1 and <= 90              # 0                         # false
            >= 1 and <= 90              # 91                        # false
            set and != root             # admin                     # true
            set and != root             # ROOT                      # false
            """)
    void testsTheActualValue(String expectation, String actual, boolean expected) {
        assertThat(Expectation.parse(expectation).test(actual)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"= 0", "!= yes", "< 5", "<= 365", "> 0", ">= 14", "in no|yes", "subset-of a,b",
        "contains nodev", "matches .*", "set", ">= 1 and <= 90"})
    void aNullActualMeetsNoExpectation(String expectation) {
        assertThat(Expectation.parse(expectation).test(null)).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '#', textBlock = """
            =0                          # = 0
            '  <=   365  '              # <= 365
            >=14                        # >= 14
            !=yes                       # != yes
            <5                          # < 5
            >0                          # > 0
            in   no|yes                 # in no|yes
            subset-of   a,b             # subset-of a,b
            contains  nodev             # contains nodev
            matches   [0-7]+            # matches [0-7]+
            '  set '                    # set
            >=1   and   <=90            # >= 1 and <= 90
            """)
    void toStringIsTheCanonicalForm(String text, String canonical) {
        Expectation e = Expectation.parse(text);

        assertThat(e).hasToString(canonical);
        assertThat(Expectation.parse(e.toString())).isEqualTo(e).hasSameHashCodeAs(e);
    }

    @Test
    void equalityFollowsTheCanonicalForm() {
        assertThat(Expectation.parse("<=365")).isEqualTo(Expectation.parse("<= 365"));
        assertThat(Expectation.parse("<= 365")).isNotEqualTo(Expectation.parse("< 365"));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '#', textBlock = """
            ''                # bad expectation ''; write one of
            '   '             # write one of
            equals 0          # bad expectation 'equals 0'; write one of: = v, != v, < n, <= n, > n, >= n, in a|b, subset-of a,b, contains v, matches REGEX, set; join several with 'and'
            =                 # bad expectation '='; write one of
            <=                # bad expectation '<='; write one of
            <= many           # bad expectation '<= many': <= needs a number, got 'many'
            > 1 and < lots    # bad expectation '> 1 and < lots': < needs a number, got 'lots'
            >= 1 and          # bad expectation '>= 1 and': >= needs a number, got '1 and'
            matches [0-7      # bad expectation 'matches [0-7': Unclosed character class
            in                # write one of
            """)
    void badSyntaxIsExplained(String text, String message) {
        assertThatThrownBy(() -> Expectation.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
