/**
 * English replies written to cover each kind of deflection by what it does (not by one stock phrase), and engaging
 * replies that carry substance in different words. Part of the tuning table: true = deflecting.
 */
export const EN_FUNCTION_REPLIES: Array<[text: string, deflecting: boolean]> = [
  // Agentless or conditional regret.
  ['Errors occurred in the processing of some orders, and a number of customers may have been affected.', true],
  ['Unfortunately, some bookings were impacted by a system issue.', true],
  ['If our post came across as insensitive, that was not our intent.', true],
  ['We apologise to anyone who may have felt uncomfortable.', true],
  // Shifting the blame.
  ['The breach originated with an external service provider.', true],
  ['Drivers on our platform are independent contractors, not employees.', true],
  ['This was the act of a single employee and does not reflect who we are.', true],
  ['The contamination was traced to an ingredient from one of our suppliers.', true],
  // Process talk with no commitment, or "noted".
  ["We're investigating and will take appropriate steps.", true],
  ['Our teams are working hard to get to the bottom of this.', true],
  ['We are gathering more information and will respond in due course.', true],
  ['Your comments have been logged and shared internally.', true],
  // Legal threats and "rumour" framing.
  ['We will pursue all available remedies against those spreading these falsehoods.', true],
  ['Our legal team is reviewing the video and the accounts that shared it.', true],
  ['There is a great deal of misinformation circulating about this incident.', true],
  ['Reports suggesting otherwise are simply untrue.', true],
  // Redirect only, minimising, self-praise, no comment, blanket denial, justification.
  ['Could you please fill out the form on our support page so the right team can assist?', true],
  ['Please message us privately with your details.', true],
  ['Only a tiny fraction of orders were affected.', true],
  ['This was a one-off and not representative of our service.', true],
  ["For over a century, we've been proud to serve our communities with integrity.", true],
  ['We do not comment on ongoing legal matters.', true],
  ['Our products comply with all relevant food safety standards.', true],
  ['Our staff acted in line with established procedures at all times.', true],
  ['Ticket prices reflect rising costs across the sector.', true],
  ['These remarks were made in a personal capacity and do not reflect the views of the company.', true],
  // Engaging: a fact, an owned mistake, a remedy, a time, a named person.
  ["Between 6 and 9 this morning about 4,000 customers couldn't log in because of a bad configuration change we pushed. We rolled it back at 9:05. No money was moved. Full incident report on Friday.", false],
  ['The driver works for a delivery partner, but you ordered from us, so this is our responsibility. The order has been refunded, a replacement is on its way, and we have stopped using that partner in your area.', false],
  ["I'm Tom Reyes, head of customer care. You were passed between four departments, which is exactly what should not happen. I will call you at 10 am tomorrow, and your refund is already on its way.", false],
  ["We sold you an insurance add-on you didn't ask for. That's wrong. It is being removed from every policy sold this year and the premiums returned automatically.", false],
  ['Some of you found glass in jars of our pasta sauce from batch 0417. Do not eat it. Bring any jar back for a full refund, and we will publish what went wrong on the line once the plant inspection finishes on Wednesday.', false],
  ["The hotel overbooked and turned you away at midnight. That was our failure, not yours. We've refunded your stay and paid for the room you found elsewhere.", false],
  ['Our ranking algorithm pushed cheaper rooms down for users on iPhones. We did this, and we have switched it off today. An independent audit will be published by the end of the month.', false],
  ["Update at 4 pm: the fire at our warehouse is out. No one was hurt. About 2,000 orders were inside; those customers are being refunded today and can reorder with free delivery. We'll post again at 9 am.", false],
  ['We launched the feature without an opt-out, which was a mistake. As of this morning it is off by default, and every message it sent has been deleted from our servers.', false],
  ['To the couple whose wedding photos we lost: there is no excuse. Our storage migration failed and we did not have a backup. We are refunding the full package and our studio manager, Ana Ruiz, will meet you this week to talk about what else we can do.', false],
  ['Several readers told us our headline misquoted the minister. They were right. We corrected it at 11:20 and added a note at the top of the article explaining the change.', false],
  ['We are still testing the water, so we do not know yet whether it is safe. Until we do, please do not drink it: bottled water is free at every branch, and we will post results here by 6 pm.', false],
  ['We cut store hours without asking the people who rely on late pickups. Starting tonight, every store stays open until 10 again.', false],
  ['After the storm the call centre was badly under-staffed and people waited for hours. From Monday, 200 more agents will be answering calls.', false],
  ['Thank you for reaching out. We appreciate you bringing this to our attention.', true],
  ['We hear your concerns and are listening carefully to our community.', true],
];
