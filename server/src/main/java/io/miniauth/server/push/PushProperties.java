package io.miniauth.server.push;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WeChat message push settings, under {@code miniauth.push}: per app, as entered in the
 * mini program's console (开发 - 开发管理 - 消息推送配置).
 *
 * @param apps the settings by appid
 */
@ConfigurationProperties("miniauth.push")
public record PushProperties(Map<String, App> apps) {

	public PushProperties {
		apps = (apps != null) ? Map.copyOf(apps) : Map.of();
	}

	/**
	 * One app's push settings.
	 *
	 * @param token the Token, which signs every push
	 * @param encodingAesKey the EncodingAESKey (43 characters), needed for the secure and
	 * compatible modes
	 */
	public record App(String token, String encodingAesKey) {

		@Override
		public String toString() {
			return "App[token=******, encodingAesKey=******]";
		}

	}

}
