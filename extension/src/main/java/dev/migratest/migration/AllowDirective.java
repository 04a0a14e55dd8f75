package dev.migratest.migration;

import java.util.List;

/**
 * A {@code -- migratest:allow <rule-id>[, <rule-id>…] [— reason]} comment found in a script: the author accepts what
 * the named rules report about this migration. The migration package only reads the comment; which ids exist is the
 * findings package's business, so the ids are kept as written.
 *
 * @param file    the script's file, relative to the migrations location
 * @param line    the file line of the comment
 * @param ruleIds the ids as written, in order
 * @param reason  the text after the dash, {@code null} when none was given
 * @param written the comment as it stands in the file, for error messages
 */
public record AllowDirective(String file, int line, List<String> ruleIds, String reason, String written) {
    public AllowDirective {
        ruleIds = List.copyOf(ruleIds);
    }
}
