package dev.migratest.postgres;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitLimitsTest {

    @Test
    void theReplyLimitOutlastsTheStatementLimitAndItsCancelAndGrowsWithIt() {
        assertThat(WaitLimits.replyLimit(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(11));
        assertThat(WaitLimits.replyLimit(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(65));
        assertThat(WaitLimits.replyLimit(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(665));
        assertThat(WaitLimits.replyLimit(Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(7265));
    }

    @Test
    void aStatementLimitMeantAsNoneWaitsAsLongAsTheDriverCanCount() {
        assertThat(WaitLimits.replyLimit(Duration.ofMillis(Long.MAX_VALUE))).isEqualTo(WaitLimits.LONGEST);
        assertThat(WaitLimits.replyLimit(Duration.ofMillis(Integer.MAX_VALUE))).isEqualTo(WaitLimits.LONGEST);
        String previous = System.getProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY);
        try {
            System.setProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY, Long.toString(Long.MAX_VALUE));
            Properties props = new Properties();
            WaitLimits.apply(props, Map.of());
            // pgjdbc multiplies the seconds by 1000 in an int
            assertThat(Long.parseLong(props.getProperty("socketTimeout")) * 1000).isLessThanOrEqualTo(Integer.MAX_VALUE);
        } finally {
            if (previous == null) System.clearProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY);
            else System.setProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY, previous);
        }
    }

    @Test
    void everyConnectionGetsALoginAndAReadTimeoutUnlessItsUrlSetsThem() {
        Properties props = new Properties();
        WaitLimits.apply(props, Map.of());
        assertThat(props).containsEntry("loginTimeout", "30").containsEntry("socketTimeout", "665");

        assertThat(ServerAddress.parse("jdbc:postgresql://h/db?socketTimeout=0", null, null).hasParameter("socketTimeout"))
                .as("a URL's own socketTimeout is kept on bound connections too").isTrue();
        Properties own = new Properties();
        WaitLimits.apply(own, Map.of("loginTimeout", "5", "socketTimeout", "0"));
        assertThat(own).doesNotContainKeys("loginTimeout", "socketTimeout");
    }

    @Test
    void theReadTimeoutFollowsAConfiguredStatementLimit() {
        String previous = System.getProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY);
        try {
            System.setProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY, "3600000");
            Properties props = new Properties();
            WaitLimits.apply(props, Map.of());
            assertThat(props).containsEntry("socketTimeout", "3665");

            System.setProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY, "ten minutes");
            assertThatThrownBy(WaitLimits::configuredStatementLimit)
                    .hasMessage("System property migratest.statementLimitMs='ten minutes' is not a positive number of"
                            + " milliseconds; expected e.g. 600000");
        } finally {
            if (previous == null) System.clearProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY);
            else System.setProperty(WaitLimits.STATEMENT_LIMIT_PROPERTY, previous);
        }
    }

    @Test
    void onlyAnUnansweredWaitIsExplainedAsAFrozenServer() {
        SQLException readTimedOut = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketTimeoutException("Read timed out"));
        SQLException loginTimedOut = new PSQLException("Connection attempt timed out.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        SQLException refused = new PSQLException("Connection to localhost:1 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new java.net.ConnectException("Connection refused"));

        assertThat(WaitLimits.explain(readTimedOut)).get().asString().startsWith("migratest waited for the server's answer longer than"
                + " its reply limit").endsWith("the server is frozen or unreachable. If it is only slow, raise migratest.statementLimitMs or set"
                + " socketTimeout (seconds) in the server URL");
        assertThat(WaitLimits.explain(loginTimedOut)).contains("the server accepted the connection but did not"
                + " complete the login within 30 s (or the URL's loginTimeout): it is frozen, overloaded or unreachable");
        assertThat(WaitLimits.explain(refused)).isEmpty();

        SQLException connectTimedOut = new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SocketTimeoutException("Connect timed out"));
        assertThat(WaitLimits.explain(connectTimedOut)).contains("the server did not accept the TCP connection within"
                + " pgjdbc's connectTimeout (10 s unless the URL sets it): the host is down, or a firewall drops the"
                + " packets");
    }
}
