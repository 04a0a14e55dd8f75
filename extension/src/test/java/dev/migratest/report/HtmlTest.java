package dev.migratest.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void markupInUserTextBecomesCharacters() {
        assertThat(Html.text("SELECT '</script><b>x</b>' AS \"a&b\"; -- it's"))
                .isEqualTo("SELECT &#39;&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;&#39; AS &quot;a&amp;b&quot;; -- it&#39;s");
    }

    @Test
    void plainAndNonAsciiTextIsKeptAsIs() {
        String text = "ALTER TABLE café ADD COLUMN 名前 text -- ✓ אבג";
        assertThat(Html.text(text)).isSameAs(text);
        assertThat(Html.text(null)).isEmpty();
    }
}
