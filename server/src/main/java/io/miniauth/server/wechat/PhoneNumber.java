package io.miniauth.server.wechat;

/**
 * A user's phone number as WeChat reports it.
 *
 * @param phoneNumber with the country prefix for numbers outside mainland China
 * @param purePhoneNumber without the country prefix
 * @param countryCode the country calling code, such as {@code 86}
 * @param watermarkAppid the app WeChat issued the data for
 */
public record PhoneNumber(String phoneNumber, String purePhoneNumber, String countryCode, String watermarkAppid) {
}
