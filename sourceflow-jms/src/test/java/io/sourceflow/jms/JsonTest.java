package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.MessageFormatException;
import org.junit.jupiter.api.Test;

/** The envelope's member splitter and string literals. */
class JsonTest {

    @Test
    void membersAreSplitExactlyWhateverTheirOrderAndSpacing() {
        // given
        String text = " {\n \"payload\" : {\"a\":[1,{\"b\":\"}]\\\"\"}],\"c\":null} ,\"type\":\"x\\u0041\", \"n\":-1.5e3,"
                + "\"t\":true}\t";

        // when
        var members = Json.members(text);

        // then
        assertThat(members).containsOnlyKeys("payload", "type", "n", "t");
        assertThat(members.get("payload")).isEqualTo("{\"a\":[1,{\"b\":\"}]\\\"\"}],\"c\":null}");
        assertThat(Json.string(members.get("type"))).isEqualTo("xA");
        assertThat(members.get("n")).isEqualTo("-1.5e3");
        assertThat(members.get("t")).isEqualTo("true");
        assertThat(Json.members("{}")).isEmpty();
    }

    @Test
    void quotedStringsReadBack() {
        String value = "a \"quoted\" \\ path/\n\ttab \u0001 é";
        assertThat(Json.string(Json.quote(value))).isEqualTo(value);
    }

    @Test
    void malformedTextSaysWhere() {
        assertThatThrownBy(() -> Json.members("{\"a\":1")).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("character 6");
        assertThatThrownBy(() -> Json.members("{\"a\":1} trailing")).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("the end of the text");
        assertThatThrownBy(() -> Json.members("[1]")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> Json.members("{\"a\":1,\"a\":2}")).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("second member named 'a'");
        assertThatThrownBy(() -> Json.members("{\"a\":}")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> Json.members("")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> Json.string("\"\\x\"")).isInstanceOf(MessageFormatException.class);
    }
}
