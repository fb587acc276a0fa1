package cn.govcloud.audit;

/**
 * What checking an archive file found (ADR 0037).
 *
 * @param archive the archive checked
 * @param problem what is wrong; null when the file is intact and signed
 */
record ArchiveCheck(ArchiveEntry archive, Problem problem) {

	static ArchiveCheck failed(ArchiveEntry archive, Problem problem) {
		return new ArchiveCheck(archive, problem);
	}

	boolean intact() {
		return this.problem == null;
	}

	enum Problem {

		/** The file or its signature file is not in the archive directory. */
		MISSING,

		/**
		 * The file's keyed SM3 hash differs from the signature the database kept, or the
		 * signature file differs from it: the file was changed or replaced.
		 */
		SIGNATURE,

		/** The file is signed but cannot be read as an archive. */
		UNREADABLE,

		/**
		 * A record does not verify or link, or the records do not end at the checkpoint.
		 */
		RECORDS,

		/** The first record does not link to the end of the archive before. */
		LINK

	}

}
