package io.miniauth.server.push;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push's top-level fields, read from JSON or from XML ({@code <xml>...</xml>}, the
 * format told by the first character, since WeChat does not say it in the
 * {@code Content-Type}). Nested values are kept as their text.
 */
final class PushMessage {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PushMessage() {
	}

	static Map<String, String> read(String body) {
		String text = (body != null) ? body.strip() : "";
		if (text.startsWith("{")) {
			return readJson(text);
		}
		if (text.startsWith("<")) {
			return readXml(text);
		}
		throw new MalformedPushException("The push is neither JSON nor XML");
	}

	private static Map<String, String> readJson(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new MalformedPushException("The push is not valid JSON");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		root.properties()
			.forEach((field) -> fields.put(field.getKey().strip(),
					field.getValue().isValueNode() ? field.getValue().asString() : field.getValue().toString()));
		return fields;
	}

	private static Map<String, String> readXml(String text) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			// no DTDs and no external entities: a push cannot make us read files or URLs
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Element root = builder.parse(new InputSource(new StringReader(text))).getDocumentElement();
			Map<String, String> fields = new LinkedHashMap<>();
			NodeList children = root.getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				Node child = children.item(i);
				if (child.getNodeType() == Node.ELEMENT_NODE) {
					fields.put(child.getNodeName(), child.getTextContent().strip());
				}
			}
			return fields;
		}
		catch (Exception ex) {
			throw new MalformedPushException("The push is not valid XML");
		}
	}

}
