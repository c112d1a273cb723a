package com.upward.assessment.domain;

import com.upward.platform.events.contract.PowerType;

import java.util.List;

/**
 * What the conversation planner asks and offers, in the course's own words: Aleta Norris's questions for first-timers
 * and her softer-language openings (the interview), the four tips to engage, and the four powers (the article).
 */
public final class ConversationGuide {

    public record Question(String id, String text) {
    }

    public record Tip(String id, String title, String advice) {
    }

    public record Opening(String id, String text) {
    }

    public record Power(PowerType powerType, String name, String description) {
    }

    /** "Anyone who needs the help of someone who has more power than they do can think through a few questions". */
    public static final List<Question> QUESTIONS = List.of(
            new Question("motive", "What is my motive for seeking to influence this person?"),
            new Question("outcome", "What is the outcome I am looking for?"),
            new Question("helpsOthers", "How will it help others?"),
            new Question("helpsThem", "How might it even help the person I’m talking with?"),
            new Question("atRisk", "What is at risk if I don’t have the conversation?"));

    public static final List<Tip> TIPS = List.of(
            new Tip("understanding", "Be understanding",
                    "Recognize that the person you are having issues with may have a lot they are dealing with and any negative impacts they have might not be ill-intentioned. You should also try to understand their goals, this will help you ensure you both accomplish what you want."),
            new Tip("teamPlayer", "Be a team player",
                    "Listen to others and understand what everyone seems to struggle with (this shouldn’t be gossip) and try to help them too. Sometimes, a conversation with a boss can benefit the whole team."),
            new Tip("organised", "Be organized",
                    "Letting someone else use your own time takes trust. Don’t disrespect someone else’s time by not being organized and prepared for a conversation."),
            new Tip("relationship", "Work on your relationships",
                    "Build strong relationships with your bosses and coworkers. As people, we tend to be more willing to help those we like."));

    /** "Your language may be softer than when you’re leading one of your own people. For example, …" */
    public static final List<Opening> OPENINGS = List.of(
            new Opening("SHARE", "I would like to share something with you, give you something to think about. Ultimately, you can do what you’d like. I just want you to be aware."),
            new Opening("HELP", "I need your help with something. If this works for you, great. If you’re not able to help, I understand that, as well."));

    public static final List<Power> POWERS = List.of(
            new Power(PowerType.ROLE, "Position power: role", "Based on job title, where someone officially is in a company."),
            new Power(PowerType.PENALTY, "Position power: penalty", "Based on the ability to punish another in order to get a desired result."),
            new Power(PowerType.REPUTATION, "Personal power: reputation", "Based on how others perceive you."),
            new Power(PowerType.EXPERTISE, "Personal power: expertise", "Related to a person’s knowledge and skill set, largely from past experiences."));

    /** "Do not get too caught up in arriving at the final agreement." */
    public static final String REMINDER = "We are trying to ‘influence’ a situation or issue. Do not get too caught up in arriving at the final agreement.";

    public static boolean isOpening(String id) {
        return OPENINGS.stream().anyMatch(o -> o.id().equals(id));
    }

    private ConversationGuide() {
    }
}
