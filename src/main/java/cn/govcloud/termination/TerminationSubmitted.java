package cn.govcloud.termination;

import java.util.UUID;

/** A unit applied to terminate (Art. 9): the Commission's reviewers are told. */
record TerminationSubmitted(UUID terminationId, String number, String unitName, String systemName) {
}
