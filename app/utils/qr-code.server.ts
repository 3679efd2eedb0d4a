import QRCode from "qrcode";

/**
 * A QR code as inline SVG markup, made in the loader so the page shows it without JavaScript and it stays sharp
 * on a projector. The SVG is decorative for assistive technology: the component around it carries the label.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ');
}
