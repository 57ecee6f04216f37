import { unsubscribePageUrl, unsubscribePostUrl } from "./unsubscribe-token";

// A notice as an email: what it says, a link to see it in the app, and a one-click unsubscribe in
// the body and in the headers (List-Unsubscribe with RFC 8058's List-Unsubscribe-Post).

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function noticeEmail(n: { title: string; body: string; link: string | null }, userId: string, appUrl: string) {
  const open = n.link ? `${appUrl}${n.link}` : `${appUrl}/app/notifications`;
  const unsubscribe = unsubscribePageUrl(userId);
  const why = "You get these emails because you turned on email notices of campaigns and events.";
  return {
    subject: n.title,
    link: open,
    text: `${n.body}\n\nOpen Nerava: ${open}\n\n${why}\nUnsubscribe (one click): ${unsubscribe}\n\n— Nerava`,
    html: `<div style="font-family:system-ui,sans-serif;max-width:480px"><h1 style="font-size:20px">${escape(n.title)}</h1>
<p>${escape(n.body)}</p><p><a href="${escape(open)}" style="background:#059669;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">Open Nerava</a></p>
<p style="color:#64748b;font-size:13px">${escape(why)} <a href="${escape(unsubscribe)}">Unsubscribe</a></p></div>`,
    headers: {
      "List-Unsubscribe": `<${unsubscribePostUrl(userId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
