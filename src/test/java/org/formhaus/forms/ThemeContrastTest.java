package org.formhaus.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's contrast warning (issue 10): WCAG 2.2's ratio, and which theme pairs fall below AA (4.5:1). */
class ThemeContrastTest {

    @Test
    void blackOnWhiteIs21AndAColourOnItselfIs1() {
        assertEquals(21.0, ThemeContrast.ratio("#000", "#ffffff").orElseThrow(), 1e-9);
        assertEquals(1.0, ThemeContrast.ratio("#1d4ed8", "rgb(29, 78, 216)").orElseThrow(), 1e-9);
    }

    @Test
    void knownPairsMatchTheWcagFigures() {
        // #767676 on white is the classic lightest grey that passes AA: 4.54:1; #777777 fails with 4.48:1.
        assertEquals(4.54, ThemeContrast.ratio("#767676", "#fff").orElseThrow(), 0.005);
        assertEquals(4.48, ThemeContrast.ratio("#777777", "#fff").orElseThrow(), 0.005);
    }

    @Test
    void theDefaultThemeHasNoWarning() {
        assertEquals(List.of(), ThemeContrast.check(Map.of()));
    }

    @Test
    void aLightAccentWarnsAboutTheButtonTextAndGreyTextAboutTheText() {
        List<ThemeContrast.Low> low = ThemeContrast.check(Map.of("accent", "#7fb3ff", "text", "#999999"));
        assertEquals(List.of("theme.text", "theme.accent"), low.stream().map(ThemeContrast.Low::place).toList());
        assertEquals("#ffffff", low.get(1).foreground());
        assertTrue(low.get(1).ratio() < 4.5 && low.get(1).ratio() > 1, String.valueOf(low.get(1).ratio()));
    }

    @Test
    void aDarkBackgroundJudgesTextAndErrorAgainstIt() {
        List<ThemeContrast.Low> low = ThemeContrast.check(Map.of("background", "#111111", "text", "#eeeeee"));
        assertEquals(List.of("theme.error"), low.stream().map(ThemeContrast.Low::place).toList(),
                "the default dark red error text is unreadable on near-black");
    }

    @Test
    void coloursItCannotReadAreNotJudged() {
        assertTrue(ThemeContrast.ratio("hsl(0, 0%, 50%)", "#fff").isEmpty());
        assertEquals(List.of(), ThemeContrast.check(Map.of("text", "rebeccapurple")));
    }
}
