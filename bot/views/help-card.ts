import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Role } from '../../services/domain/person.js';
import { ACTIONS } from '../flows/action-ids.js';

const WHAT_YOU_CAN_DO: Record<Role, string[]> = {
  head: ['"request support" to ask the alliance for an expert', '"find an SLE in maths" to see who could help', '"my requests" to follow your school\'s requests'],
  supporter: ['"my deployments" to see what you are proposed for and working on', 'Accept or decline proposals from the cards I send you', '"visit report" to report a visit (due within 5 working days)', '"find an SLE in phonics" to see colleagues\' specialisms', '"let schools contact me directly" or "stop direct contact" to choose whether schools can message you from a search'],
  manager: ['New requests arrive in your brokerage channel with ranked candidates', '"my requests" for the alliance\'s open requests', '"@bot use this channel for brokerage" in a channel to make it the brokerage channel', '"name jo.head@school.example as head for S2S-2026-0042" when another head should confirm the plan and evaluate'],
  admin: ['"my requests" for the alliance\'s open requests', 'Import the directory with the s2s command line'],
};

/** Welcome and help: what this person can do, with buttons for the main steps. */
export function buildHelpCard(role: Role | undefined, name?: string, intro?: string): MessageCard {
  const lines = WHAT_YOU_CAN_DO[role ?? 'head'];
  const buttons = [
    ...(role === 'head' ? [button(ACTIONS.openRequestForm, 'Request support', {}, { style: 'primary' })] : []),
    button(ACTIONS.findSupporter, 'Find an expert', {}),
    button(ACTIONS.myRequests, role === 'supporter' ? 'My deployments' : 'My requests', {}),
  ];
  return card(`School-to-school support: what I can do${name ? ` for ${name}` : ''}`, [
    heading(name ? `Hello ${name}` : 'School-to-school support'),
    ...(intro ? [text(intro)] : []),
    text('You can type what you need in your own words, or use the buttons. For example:'),
    ...lines.map((line) => text(`• ${line}`)),
    actions(buttons),
  ]);
}
