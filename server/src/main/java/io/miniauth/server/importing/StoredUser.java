package io.miniauth.server.importing;

import java.time.Instant;
import java.util.Objects;

import io.miniauth.server.user.User;

/**
 * The fields of a user that an import may set, as they are or are to be stored.
 *
 * @param id the user's id
 * @param unionid the unionid
 * @param nickName the nickname
 * @param avatarUrl the avatar URL
 * @param signature the signature line
 * @param phone the phone number
 * @param createdAt when the user joined
 * @param externalId the id from the source
 * @param sessionKey the session_key in plain text
 * @param sealedSessionKey the session_key as stored, sealed
 */
record StoredUser(String id, String unionid, String nickName, String avatarUrl, String signature, User.Phone phone,
		Instant createdAt, String externalId, String sessionKey, String sealedSessionKey) {

	/**
	 * This user with what a row says: each field the row has replaces the stored one,
	 * except that an empty session_key or createdAt leaves the stored one as it is.
	 * @param row the row
	 * @return the user as the row wants it, with the stored sealed key
	 */
	StoredUser with(ImportedUser row) {
		return new StoredUser(this.id, pick(row, ImportField.UNIONID, row.unionid(), this.unionid),
				pick(row, ImportField.NICK_NAME, row.nickName(), this.nickName),
				pick(row, ImportField.AVATAR_URL, row.avatarUrl(), this.avatarUrl),
				pick(row, ImportField.SIGNATURE, row.signature(), this.signature),
				pick(row, ImportField.PHONE_NUMBER, row.phone(), this.phone),
				(row.createdAt() != null) ? row.createdAt() : this.createdAt,
				pick(row, ImportField.EXTERNAL_ID, row.externalId(), this.externalId),
				(row.sessionKey() != null) ? row.sessionKey() : this.sessionKey, this.sealedSessionKey);
	}

	/**
	 * Whether the two hold the same values, the sealed form of the key aside (sealing the
	 * same key twice gives two different values).
	 * @param other the other
	 * @return whether nothing would change
	 */
	boolean sameValuesAs(StoredUser other) {
		return Objects.equals(this.unionid, other.unionid) && Objects.equals(this.nickName, other.nickName)
				&& Objects.equals(this.avatarUrl, other.avatarUrl) && Objects.equals(this.signature, other.signature)
				&& Objects.equals(this.phone, other.phone) && Objects.equals(this.createdAt, other.createdAt)
				&& Objects.equals(this.externalId, other.externalId)
				&& Objects.equals(this.sessionKey, other.sessionKey);
	}

	private static <T> T pick(ImportedUser row, ImportField field, T imported, T stored) {
		return row.has(field) ? imported : stored;
	}

	@Override
	public String toString() {
		return "StoredUser[id=" + this.id + ", externalId=" + this.externalId + ", sessionKey=******]";
	}

}
