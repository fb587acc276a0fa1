package cn.govcloud.security;

/** The kind of access asked for (Art. 17: cloud hosts, databases, storage). */
public enum AccessKind {

	CONSOLE, SSH, REMOTE_DESKTOP, DATABASE, STORAGE, OTHER

}
