package cn.govcloud.organization.web;

import cn.govcloud.shared.Readers;

/**
 * Who may call what in this module: the directory is read by the business roles and the
 * system and security administrators ({@link Readers#DIRECTORY}); the audit administrator
 * reads only the audit trail, so is never among the readers here.
 */
final class Access {

	static final String SYSTEM_ADMIN = "hasRole('SYSTEM_ADMIN')";

	static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";

	static final String READ_PEOPLE = Readers.DIRECTORY;

	private Access() {
	}

}
